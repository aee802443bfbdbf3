package dev.ecsdeploy.core.task;

import java.io.Serializable;
import java.util.Objects;

/**
 * One entry of a capacity provider strategy.
 *
 * @param capacityProvider the capacity provider name, such as {@code FARGATE_SPOT}
 * @param weight the relative share of tasks (0–1000)
 * @param base how many tasks run on this provider first (0–100000)
 */
public record CapacityProviderItem(String capacityProvider, int weight, int base) implements Serializable {
    private static final long serialVersionUID = 1L;

    public CapacityProviderItem {
        Objects.requireNonNull(capacityProvider, "capacityProvider");
    }
}
