package io.jenkins.plugins.ecsdeploy.freestyle;

import dev.ecsdeploy.core.deploy.DeploymentStrategy;
import dev.ecsdeploy.core.deploy.InvalidDeploymentException;
import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.EcrNames;
import dev.ecsdeploy.core.input.Defaults;
import dev.ecsdeploy.core.input.InputParser;
import dev.ecsdeploy.core.input.Parsed;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.ecsdeploy.util.JenkinsFacade;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;

/**
 * The form checks of the Freestyle build steps: names, tags, percentages and durations, each answered by core's own
 * rules (ECR's names, ECS's strategy ranges, the wait-duration limits), so the form says what the build would.
 * Only a user who may configure the job gets an answer: anyone else is refused (the descriptors call these from
 * {@code @POST} web methods with an {@code @AncestorInPath Item}). A value with a {@code ${VARIABLE}} is resolved
 * when the build runs, so it is not judged here.
 */
public final class FormChecks {
    /** ECS cluster and service names: up to 255 letters, digits, hyphens and underscores, or an ARN (aws-behaviour §16). */
    private static final Pattern ECS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final JenkinsFacade jenkins;

    public FormChecks(JenkinsFacade jenkins) {
        this.jenkins = jenkins;
    }

    public static FormChecks inJenkins() {
        return new FormChecks(new JenkinsFacade());
    }

    public FormValidation repository(Item item, String value) {
        return check(item, value, true, name -> EcrNames.requireRepositoryName(name));
    }

    public FormValidation tags(Item item, String value, boolean required) {
        return check(item, value, required, text -> EcrNames.requireTags(list(text)));
    }

    /** A tag or a {@code sha256:} digest of an image in the repository. */
    public FormValidation tagOrDigest(Item item, String value) {
        return check(item, value, true, text -> {
            if (!EcrNames.isDigest(text)) {
                EcrNames.requireTag(text);
            }
        });
    }

    /** A cluster or service: a name or an ARN. */
    public FormValidation ecsName(Item item, String value, String what, boolean required) {
        return check(item, value, required, text -> {
            if (!text.startsWith("arn:") && !ECS_NAME.matcher(text).matches()) {
                throw new IllegalArgumentException("invalid " + what + " name '" + text + "': up to 255 letters,"
                        + " digits, hyphens and underscores, or an ARN");
            }
        });
    }

    /** A timeout in whole minutes, within the wait limits core gives every timeout. */
    public FormValidation waitMinutes(Item item, String value) {
        return check(item, value, false, text -> {
            int minutes = wholeNumber(text);
            Parsed<Duration> parsed = InputParser.waitDuration(minutes + "m");
            if (!parsed.isValid()) {
                throw new IllegalArgumentException("invalid timeout of " + minutes + " minutes: it must be between 1"
                        + " and " + Defaults.LONGEST_WAIT.toMinutes() + " minutes (" + Defaults.LONGEST_WAIT_TEXT
                        + ")");
            }
        });
    }

    /** The canary's share of traffic, in ECS's range. */
    public FormValidation canaryPercent(Item item, String value) {
        return percent(item, value, percent -> new DeploymentStrategy.Canary(percent, 0, null));
    }

    /** The linear step's share of traffic, in ECS's range. */
    public FormValidation stepPercent(Item item, String value) {
        return percent(item, value, percent -> new DeploymentStrategy.Linear(percent, 0, null));
    }

    public FormValidation canaryBakeMinutes(Item item, String value) {
        return bakeMinutes(item, value, minutes -> new DeploymentStrategy.Canary(10, minutes, null));
    }

    public FormValidation stepBakeMinutes(Item item, String value) {
        return bakeMinutes(item, value, minutes -> new DeploymentStrategy.Linear(10, minutes, null));
    }

    public FormValidation bakeMinutes(Item item, String value) {
        return bakeMinutes(item, value, DeploymentStrategy.BlueGreen::new);
    }

    private FormValidation percent(Item item, String value, DoubleConsumer strategy) {
        return check(item, value, false, text -> {
            try {
                strategy.accept(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a number");
            }
        });
    }

    private FormValidation bakeMinutes(Item item, String value, Consumer<Integer> strategy) {
        return check(item, value, false, text -> strategy.accept(wholeNumber(text)));
    }

    private FormValidation check(Item item, String value, boolean required, Consumer<String> rule) {
        if (item == null) {
            jenkins.checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            return required ? FormValidation.error("Required") : FormValidation.ok();
        }
        if (text.contains("$")) {
            return FormValidation.warning("Resolved from the build's environment when it runs: cannot check it here");
        }
        try {
            rule.accept(text);
            return FormValidation.ok();
        } catch (IllegalArgumentException | EcrImageException | InvalidDeploymentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    private static int wholeNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of minutes");
        }
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
