package dev.ecsdeploy.core.task;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes to one container for this run only. {@code command}, {@code environment}, {@code cpu}, {@code memory}
 * and {@code memoryReservation} travel as RunTask container overrides. ECS has no override for the entry point or
 * for secrets, so setting {@code entryPoint} or {@code secrets} makes the runner register a derived task definition
 * revision with those changes instead.
 *
 * @param name the container name, which must exist in the task definition
 * @param command the command to run instead of the image's, {@code null} to keep it
 * @param entryPoint the entry point to use instead, {@code null} to keep it (needs a derived revision)
 * @param environment variables added or replaced, in order
 * @param secrets secrets added or replaced: variable name to Secrets Manager or SSM ARN (needs a derived revision)
 * @param cpu CPU units, {@code null} to keep
 * @param memory hard memory limit in MiB, {@code null} to keep
 * @param memoryReservation soft memory limit in MiB, {@code null} to keep
 */
public record ContainerOverrides(
        String name,
        List<String> command,
        List<String> entryPoint,
        Map<String, String> environment,
        Map<String, String> secrets,
        Integer cpu,
        Integer memory,
        Integer memoryReservation)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public ContainerOverrides {
        Objects.requireNonNull(name, "name");
        command = command == null ? null : List.copyOf(command);
        entryPoint = entryPoint == null ? null : List.copyOf(entryPoint);
        environment = environment == null ? Map.of() : immutableOrdered(environment);
        secrets = secrets == null ? Map.of() : immutableOrdered(secrets);
    }

    /** Returns overrides of {@code name} that change nothing yet. */
    public static ContainerOverrides of(String name) {
        return new ContainerOverrides(name, null, null, Map.of(), Map.of(), null, null, null);
    }

    public ContainerOverrides withCommand(List<String> newCommand) {
        return new ContainerOverrides(
                name, newCommand, entryPoint, environment, secrets, cpu, memory, memoryReservation);
    }

    public ContainerOverrides withEntryPoint(List<String> newEntryPoint) {
        return new ContainerOverrides(
                name, command, newEntryPoint, environment, secrets, cpu, memory, memoryReservation);
    }

    public ContainerOverrides withEnvironment(Map<String, String> newEnvironment) {
        return new ContainerOverrides(
                name, command, entryPoint, newEnvironment, secrets, cpu, memory, memoryReservation);
    }

    public ContainerOverrides withSecrets(Map<String, String> newSecrets) {
        return new ContainerOverrides(
                name, command, entryPoint, environment, newSecrets, cpu, memory, memoryReservation);
    }

    public ContainerOverrides withCpu(Integer newCpu) {
        return new ContainerOverrides(
                name, command, entryPoint, environment, secrets, newCpu, memory, memoryReservation);
    }

    public ContainerOverrides withMemory(Integer newMemory, Integer newMemoryReservation) {
        return new ContainerOverrides(
                name, command, entryPoint, environment, secrets, cpu, newMemory, newMemoryReservation);
    }

    /** Returns whether ECS cannot apply these overrides at run time, so a derived revision is needed. */
    public boolean needsDerivedRevision() {
        return entryPoint != null || !secrets.isEmpty();
    }

    /** Returns whether any field travels as a RunTask container override. */
    public boolean hasRunTaskOverrides() {
        return command != null || !environment.isEmpty() || cpu != null || memory != null || memoryReservation != null;
    }

    @Override
    public String toString() {
        // Environment values may hold credentials a user put there by mistake; only names are shown.
        return "ContainerOverrides[name=" + name + ", command=" + command + ", entryPoint=" + entryPoint
                + ", environment=" + environment.keySet() + ", secrets=" + secrets.keySet() + ", cpu=" + cpu
                + ", memory=" + memory + ", memoryReservation=" + memoryReservation + "]";
    }

    private static Map<String, String> immutableOrdered(Map<String, String> map) {
        // Map.copyOf loses the order; the order is kept so RunTask is byte-identical on a retry with the same token.
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
