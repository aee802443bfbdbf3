package dev.ecsdeploy.core.deploy.internal;

import dev.ecsdeploy.core.deploy.InvalidDeploymentException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ApplicationDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;

/** Finds the CodeDeploy deployment group of an ECS service, or checks the one the caller named. */
final class CodeDeployGroups {
    private final CodeDeployClient codeDeploy;

    CodeDeployGroups(CodeDeployClient codeDeploy) {
        this.codeDeploy = codeDeploy;
    }

    /** The named group, which must deploy {@code cluster}/{@code service}. */
    DeploymentGroupInfo named(String application, String group, String cluster, String service) {
        DeploymentGroupInfo info;
        try {
            info = codeDeploy
                    .getDeploymentGroup(r -> r.applicationName(application).deploymentGroupName(group))
                    .deploymentGroupInfo();
        } catch (ApplicationDoesNotExistException | DeploymentGroupDoesNotExistException e) {
            throw new InvalidDeploymentException(
                    "deployment refused: CodeDeploy deployment group " + application + "/" + group + " not found ("
                            + e.awsErrorDetails().errorMessage() + ")",
                    e);
        }
        if (!deploys(info, cluster, service)) {
            throw new InvalidDeploymentException("deployment refused: CodeDeploy deployment group " + application + "/"
                    + group + " deploys " + services(info) + ", not " + cluster + "/" + service);
        }
        return info;
    }

    /** The one group, over every application, whose ecsServices names {@code cluster}/{@code service}. */
    DeploymentGroupInfo find(String cluster, String service) {
        List<DeploymentGroupInfo> found = new ArrayList<>();
        for (String application : codeDeploy.listApplicationsPaginator(r -> {}).applications()) {
            List<String> names = new ArrayList<>();
            codeDeploy
                    .listDeploymentGroupsPaginator(r -> r.applicationName(application))
                    .deploymentGroups()
                    .forEach(names::add);
            for (int from = 0; from < names.size(); from += 100) {
                List<String> batch = names.subList(from, Math.min(names.size(), from + 100));
                codeDeploy
                        .batchGetDeploymentGroups(
                                r -> r.applicationName(application).deploymentGroupNames(batch))
                        .deploymentGroupsInfo()
                        .stream()
                        .filter(info -> deploys(info, cluster, service))
                        .forEach(found::add);
            }
        }
        if (found.isEmpty()) {
            throw new InvalidDeploymentException("deployment refused: no CodeDeploy deployment group deploys ECS"
                    + " service " + cluster + "/" + service + "; create one, or name it with the application and"
                    + " deployment group options");
        }
        if (found.size() > 1) {
            throw new InvalidDeploymentException("deployment refused: several CodeDeploy deployment groups deploy "
                    + cluster + "/" + service + " ("
                    + found.stream()
                            .map(g -> g.applicationName() + "/" + g.deploymentGroupName())
                            .toList()
                    + "); name one with the application and deployment group options");
        }
        return found.get(0);
    }

    private static boolean deploys(DeploymentGroupInfo info, String cluster, String service) {
        return info.ecsServices().stream()
                .anyMatch(s -> shortName(s.clusterName()).equals(shortName(cluster))
                        && shortName(s.serviceName()).equals(shortName(service)));
    }

    private static List<String> services(DeploymentGroupInfo info) {
        return info.ecsServices().stream()
                .map(s -> s.clusterName() + "/" + s.serviceName())
                .toList();
    }

    private static String shortName(String nameOrArn) {
        return nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
    }
}
