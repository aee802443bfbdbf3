package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.EmulatorContext;
import dev.ecsdeploy.emulator.workload.ImageResolution;
import dev.ecsdeploy.emulator.workload.ImageResolver;
import dev.ecsdeploy.emulator.workload.TaskLogWriter;
import dev.ecsdeploy.emulator.workload.Workload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the emulated ECS holds, keyed by ARN, plus the event queue that moves it and the collaborators it
 * needs (the registry for image behaviour, CloudWatch Logs for container output).
 */
final class EcsWorld {
    final EmulatorContext context;
    final ImageResolver images;
    final TaskLogWriter logs;
    final EventQueue events = new EventQueue();
    final Map<String, Cluster> clusters = new LinkedHashMap<>();
    final Map<String, List<TaskDefinition>> families = new LinkedHashMap<>();
    final Map<String, EcsTask> tasks = new LinkedHashMap<>();
    final Map<String, ServiceState> services = new LinkedHashMap<>();
    final Map<String, ServiceDeployment> serviceDeployments = new LinkedHashMap<>();
    final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
    final Map<String, ClientToken> runTaskTokens = new LinkedHashMap<>();
    /** Written by tests from their own thread, read under the emulator's lock: concurrent collections. */
    final Map<String, Workload> simulations = new ConcurrentHashMap<>();

    final Set<String> pullFailures = ConcurrentHashMap.newKeySet();
    final Map<String, ClientToken> createServiceTokens = new LinkedHashMap<>();
    /** The smallest circuit-breaker threshold: 3 in the current API reference, 10 in older documentation. */
    int circuitBreakerMinimumThreshold = 3;
    /** How many tasks a cluster can hold at once; RunTask reports the rest as failures. */
    int taskCapacity = Integer.MAX_VALUE;

    /** A RunTask client token: what the first request looked like and which tasks it started. */
    record ClientToken(ObjectNode request, List<String> taskArns, Instant expiresAt) {}

    EcsWorld(EmulatorContext context, ImageResolver images, TaskLogWriter logs) {
        this.context = context;
        this.images = images;
        this.logs = logs;
    }

    String arn(String region, String resource) {
        return "arn:aws:ecs:" + region + ":" + context.accountId() + ":" + resource;
    }

    String principalArn() {
        return "arn:aws:iam::" + context.accountId() + ":root";
    }

    /** A scenario override wins over what the registry says about the image. */
    ImageResolution resolve(String image) {
        if (pullFailures.contains(image)) {
            return new ImageResolution.Missing(image + ": not found");
        }
        Workload simulated = simulations.get(image);
        ImageResolution resolution = images.resolve(image);
        if (simulated == null) {
            return resolution;
        }
        // Keep the registry's digest when the image exists; the scenario only changes how it behaves.
        return resolution instanceof ImageResolution.Found found
                ? new ImageResolution.Found(found.repositoryName(), found.digest(), simulated)
                : new ImageResolution.Foreign(simulated);
    }

    /** Looks up a cluster by name or ARN; absent means the {@code default} cluster. */
    Cluster cluster(Optional<String> reference, String region) {
        String ref = reference.filter(r -> !r.isEmpty()).orElse("default");
        String arn = ref.startsWith("arn:") ? ref : arn(region, "cluster/" + ref);
        Cluster cluster = clusters.get(arn);
        if (cluster == null || !cluster.active()) {
            throw EcsErrors.clusterNotFound();
        }
        return cluster;
    }

    Optional<TaskDefinition> findTaskDefinition(String reference, String region) {
        String ref = reference;
        if (ref.startsWith("arn:")) {
            int slash = ref.indexOf(":task-definition/");
            if (slash < 0) {
                return Optional.empty();
            }
            ref = ref.substring(slash + ":task-definition/".length());
        }
        int colon = ref.lastIndexOf(':');
        List<TaskDefinition> revisions = families.getOrDefault(colon < 0 ? ref : ref.substring(0, colon), List.of());
        if (colon < 0) {
            return revisions.stream().filter(TaskDefinition::active).reduce((a, b) -> b);
        }
        try {
            int revision = Integer.parseInt(ref.substring(colon + 1));
            return revisions.stream().filter(td -> td.revision == revision).findFirst();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    Optional<EcsTask> findTask(Cluster cluster, String reference) {
        String arn = reference.startsWith("arn:")
                ? reference
                : arn(cluster.region, "task/" + cluster.name + "/" + reference);
        EcsTask task = tasks.get(arn);
        return task != null && task.cluster == cluster ? Optional.of(task) : Optional.empty();
    }

    Optional<ServiceState> findService(Cluster cluster, String reference) {
        String name = reference.startsWith("arn:") ? reference.substring(reference.lastIndexOf('/') + 1) : reference;
        return Optional.ofNullable(services.get(arn(cluster.region, "service/" + cluster.name + "/" + name)));
    }

    List<EcsTask> tasksOf(Cluster cluster) {
        List<EcsTask> list = new ArrayList<>();
        for (EcsTask task : tasks.values()) {
            if (task.cluster == cluster) {
                list.add(task);
            }
        }
        return list;
    }

    Map<String, String> tagsOf(String arn) {
        return tags.computeIfAbsent(arn, key -> new LinkedHashMap<>());
    }
}
