package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.http.AwsException;
import dev.ecsdeploy.emulator.http.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** CreateCluster, DescribeClusters, ListClusters, DeleteCluster. */
final class ClusterOperations {
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

    private final EcsWorld world;
    private final TagOperations tags;

    ClusterOperations(EcsWorld world, TagOperations tags) {
        this.world = world;
        this.tags = tags;
    }

    JsonNode create(EcsInput input, RequestContext request) {
        String name = input.string("clusterName").orElse("default");
        if (!NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter(
                    "Cluster name can have up to 255 letters (uppercase and lowercase), numbers, underscores, and"
                            + " hyphens.");
        }
        String arn = world.arn(request.region(), "cluster/" + name);
        Cluster cluster = world.clusters.get(arn);
        if (cluster == null || !cluster.active()) {
            cluster = new Cluster(name, arn, request.region(), request.now());
            world.clusters.put(arn, cluster);
        }
        tags.apply(arn, input.array("tags"));
        cluster.settings = input.array("settings").deepCopy();
        cluster.capacityProviders = input.array("capacityProviders").deepCopy();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("cluster", render(cluster, true));
        return out;
    }

    JsonNode describe(EcsInput input, RequestContext request) {
        List<String> references = input.strings("clusters");
        if (references.isEmpty()) {
            references = List.of("default");
        }
        if (references.size() > 100) {
            throw EcsErrors.invalidParameter("clusters can have at most 100 items.");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode clusters = out.putArray("clusters");
        ArrayNode failures = out.putArray("failures");
        boolean withTags = input.includes("TAGS");
        for (String reference : references) {
            String arn = reference.startsWith("arn:") ? reference : world.arn(request.region(), "cluster/" + reference);
            Cluster cluster = world.clusters.get(arn);
            if (cluster == null) {
                failures.addObject().put("arn", arn).put("reason", "MISSING");
            } else {
                clusters.add(render(cluster, withTags));
            }
        }
        return out;
    }

    JsonNode list(EcsInput input, RequestContext request) {
        List<String> arns = new ArrayList<>();
        world.clusters.values().stream()
                .filter(c -> c.active() && c.region.equals(request.region()))
                .forEach(c -> arns.add(c.arn));
        Pages.Page<String> page = Pages.page(arns, input, 100, 100);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("clusterArns");
        page.items().forEach(list::add);
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    JsonNode delete(EcsInput input, RequestContext request) {
        Cluster cluster = world.cluster(input.string("cluster"), request.region());
        boolean hasServices =
                world.services.values().stream().anyMatch(s -> s.cluster == cluster && !s.status.equals("INACTIVE"));
        if (hasServices) {
            throw AwsException.client(
                    "ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.");
        }
        boolean hasTasks = world.tasksOf(cluster).stream().anyMatch(t -> !t.stopped());
        if (hasTasks) {
            throw AwsException.client(
                    "ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.");
        }
        cluster.status = "INACTIVE";
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("cluster", render(cluster, false));
        return out;
    }

    ObjectNode render(Cluster cluster, boolean withTags) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("clusterArn", cluster.arn);
        json.put("clusterName", cluster.name);
        json.put("status", cluster.status);
        json.put("registeredContainerInstancesCount", 0);
        List<EcsTask> tasks = world.tasksOf(cluster);
        json.put(
                "runningTasksCount",
                tasks.stream().filter(t -> t.lastStatus.equals("RUNNING")).count());
        json.put(
                "pendingTasksCount",
                tasks.stream()
                        .filter(t -> t.lastStatus.equals("PENDING") || t.lastStatus.equals("PROVISIONING"))
                        .count());
        json.put(
                "activeServicesCount",
                world.services.values().stream()
                        .filter(s -> s.cluster == cluster && s.active())
                        .count());
        json.putArray("statistics");
        json.set("settings", cluster.settings == null ? json.arrayNode() : cluster.settings);
        json.set("capacityProviders", cluster.capacityProviders == null ? json.arrayNode() : cluster.capacityProviders);
        json.putArray("defaultCapacityProviderStrategy");
        if (withTags) {
            json.set("tags", tags.render(cluster.arn));
        }
        return json;
    }
}
