package dev.ecsdeploy.core.input;

/**
 * A container and the port traffic reaches it on, as an AppSpec's {@code LoadBalancerInfo} names them.
 *
 * @param container the container name in the task definition
 * @param port the container port, 1 to 65535
 */
public record ContainerPort(String container, int port) {}
