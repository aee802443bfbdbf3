package dev.ecsdeploy.core.task;

import java.io.Serializable;
import java.util.List;

/**
 * The awsvpc network configuration of a task: subnets, security groups and whether to assign a public IP.
 *
 * @param subnets the subnet ids; at least one is required by awsvpc
 * @param securityGroups the security group ids (the VPC default group when empty)
 * @param assignPublicIp whether to assign a public IP ({@code null} leaves the ECS default, DISABLED)
 */
public record NetworkSettings(List<String> subnets, List<String> securityGroups, Boolean assignPublicIp)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public NetworkSettings {
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
    }

    public static NetworkSettings of(List<String> subnets, List<String> securityGroups) {
        return new NetworkSettings(subnets, securityGroups, null);
    }
}
