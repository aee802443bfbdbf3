package dev.ecsdeploy.core.task.internal;

import dev.ecsdeploy.core.task.*;
import java.util.Collection;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Rejects, before RunTask, what AWS would reject or what cannot work, with "{what happened}: {why}" messages that
 * name the offending value. Checking first means nothing is registered or started for a request that cannot run.
 */
public final class TaskRunValidation {
    private TaskRunValidation() {}

    static void checkShape(TaskRunRequest request) {
        boolean byDefinition = request.taskDefinition() != null;
        boolean byService = request.taskDefinitionOfService() != null;
        if (byDefinition == byService) {
            throw new TaskRunException("cannot run a task: give either a task definition or a service whose task"
                    + " definition to run (got " + (byDefinition ? "both" : "neither") + ")");
        }
        if (request.count() < 1 || request.count() > TaskRunRequest.MAX_COUNT) {
            throw new TaskRunException("cannot run " + request.count() + " tasks: RunTask starts 1 to "
                    + TaskRunRequest.MAX_COUNT + " tasks per call");
        }
        if (request.launchType() != null && !request.capacityProviderStrategy().isEmpty()) {
            throw new TaskRunException("cannot run a task with launch type " + request.launchType()
                    + " and a capacity provider strategy: ECS accepts one or the other");
        }
        if (request.network() != null && request.networkOfService() != null) {
            throw new TaskRunException("cannot run a task with an explicit network configuration and one copied from"
                    + " service " + request.networkOfService() + ": give one of them");
        }
        if (request.timeout().isNegative() || request.timeout().isZero()) {
            throw new TaskRunException("cannot run a task with timeout " + request.timeout() + ": it must be positive");
        }
        if (request.timeout().compareTo(dev.ecsdeploy.core.input.Defaults.LONGEST_TIMEOUT) > 0) {
            throw new TaskRunException("cannot run a task with timeout " + request.timeout() + ": it must be at most "
                    + dev.ecsdeploy.core.input.Defaults.LONGEST_TIMEOUT.toDays() + " days");
        }
        if (request.clientToken() != null && request.clientToken().length() > 64) {
            throw new TaskRunException(
                    "cannot use client token " + request.clientToken() + ": RunTask accepts at most 64 characters");
        }
        request.containerOverrides().forEach(TaskRunValidation::checkLimits);
        request.containerImages().forEach((container, image) -> {
            try {
                dev.ecsdeploy.core.spec.ImageName.parse(image);
            } catch (dev.ecsdeploy.core.spec.InvalidSpecException e) {
                throw new TaskRunException("cannot run container " + container + ": " + e.getMessage(), e);
            }
        });
    }

    private static void checkLimits(ContainerOverrides o) {
        if (o.cpu() != null && o.cpu() < 0) {
            throw new TaskRunException(
                    "override of container " + o.name() + " would be rejected: cpu " + o.cpu() + " is negative");
        }
        if (o.memory() != null && o.memory() < 6) {
            throw new TaskRunException("override of container " + o.name() + " would be rejected: memory " + o.memory()
                    + " MiB is below the 6 MiB Docker minimum");
        }
    }

    static void checkAgainst(TaskRunRequest request, TaskDefinition definition) {
        Set<String> names = TaskRunPreparer.containerNames(definition);
        String td = TaskVerdict.family(definition.taskDefinitionArn());
        for (ContainerOverrides o : request.containerOverrides()) {
            requireContainer(names, o.name(), "container override", td);
            checkMemory(o, container(definition, o.name()));
        }
        for (String name : request.containerImages().keySet()) {
            requireContainer(names, name, "image replacement", td);
        }
        if (request.verdictContainer() != null) {
            requireContainer(names, request.verdictContainer(), "verdict container", td);
        }
    }

    private static void requireContainer(Collection<String> names, String name, String what, String td) {
        if (!names.contains(name)) {
            throw new TaskRunException(what + " names container " + name + ", which task definition " + td
                    + " lacks: it has " + String.join(", ", names));
        }
    }

    private static void checkMemory(ContainerOverrides o, ContainerDefinition container) {
        Integer memory = o.memory() != null ? o.memory() : container.memory();
        Integer reservation = o.memoryReservation() != null ? o.memoryReservation() : container.memoryReservation();
        if (memory != null && reservation != null && memory < reservation) {
            throw new TaskRunException("override of container " + o.name() + " would be rejected: memory " + memory
                    + " MiB is below its memory reservation of " + reservation + " MiB");
        }
    }

    static void checkNetwork(TaskRunRequest launch, TaskDefinition definition) {
        if (!"awsvpc".equals(definition.networkModeAsString())) {
            return;
        }
        if (launch.network() == null || launch.network().subnets().isEmpty()) {
            throw new TaskRunException(
                    "cannot run task definition " + TaskVerdict.family(definition.taskDefinitionArn())
                            + ": its network mode is awsvpc and no subnets were given; pass subnets or a service to copy"
                            + " the network configuration from");
        }
    }

    private static ContainerDefinition container(TaskDefinition definition, String name) {
        return definition.containerDefinitions().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
