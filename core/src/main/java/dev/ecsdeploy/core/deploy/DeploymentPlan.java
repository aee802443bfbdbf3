package dev.ecsdeploy.core.deploy;

import dev.ecsdeploy.core.spec.SpecDiff;
import java.util.List;
import java.util.Map;

/**
 * What a deployment would do, computed without any mutation: the dry run's output and the first step of a real run.
 *
 * @param currentTaskDefinitionArn what the service runs now
 * @param newTaskDefinitionArn the ARN to deploy when it already exists, or null when a new revision will be registered
 * @param newTaskDefinitionJson the RegisterTaskDefinition input that would be registered, or null for an existing ARN
 * @param imageDigests container → image reference after digest pinning
 * @param diff running task definition → new one
 * @param steps the calls the deployment makes, in order, in words
 * @param warnings things worth a second look (secret-looking variables, unpinned images)
 */
public record DeploymentPlan(
        DeploymentRequest request,
        String currentTaskDefinitionArn,
        String newTaskDefinitionArn,
        String newTaskDefinitionJson,
        Map<String, String> imageDigests,
        SpecDiff diff,
        List<String> steps,
        List<String> warnings) {
    public DeploymentPlan {
        imageDigests = Map.copyOf(imageDigests);
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    /** The plan as text: steps, warnings and the diff. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("Plan for ")
                .append(request.cluster())
                .append('/')
                .append(request.service())
                .append(":\n");
        steps.forEach(step -> text.append("  - ").append(step).append('\n'));
        warnings.forEach(warning -> text.append("  ! ").append(warning).append('\n'));
        text.append("Task definition changes:\n").append(diff.render());
        return text.toString();
    }
}
