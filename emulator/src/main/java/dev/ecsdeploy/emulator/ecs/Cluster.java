package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;

/** One ECS cluster. */
final class Cluster {
    final String name;
    final String arn;
    final String region;
    final Instant createdAt;
    String status = "ACTIVE";
    ArrayNode settings;
    ArrayNode capacityProviders;

    Cluster(String name, String arn, String region, Instant createdAt) {
        this.name = name;
        this.arn = arn;
        this.region = region;
        this.createdAt = createdAt;
    }

    boolean active() {
        return status.equals("ACTIVE");
    }
}
