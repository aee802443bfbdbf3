package io.jenkins.plugins.ecsdeploy.history;

import dev.ecsdeploy.core.history.DeployedImage;
import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.report.ConsoleLinks;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** A deployment the build started: where, how, from which task definition to which, and how it ended. */
@ExportedBean(defaultVisibility = 2)
public final class DeploymentRow extends EntryRow {
    private final DeploymentEntry entry;
    private final String decisionUrl;

    DeploymentRow(DeploymentEntry entry, String decisionUrl) {
        super(entry);
        this.entry = entry;
        this.decisionUrl = decisionUrl;
    }

    @Exported
    public String getEnvironment() {
        return entry.environment();
    }

    @Exported
    public String getApplication() {
        return entry.application();
    }

    @Exported
    public String getAccountId() {
        return entry.accountId();
    }

    @Exported
    public String getCluster() {
        return entry.cluster();
    }

    @Exported
    public String getService() {
        return entry.service();
    }

    @Exported
    public String getStrategy() {
        return entry.strategy();
    }

    @Exported
    public String getPreviousTaskDefinitionArn() {
        return entry.previousTaskDefinitionArn();
    }

    @Exported
    public String getTaskDefinitionArn() {
        return entry.taskDefinitionArn();
    }

    /** {@code family:revision} before; null for a first deployment or while starting. */
    public String getFrom() {
        return shortName(entry.previousTaskDefinitionArn());
    }

    public String getTo() {
        return shortName(entry.taskDefinitionArn());
    }

    @Exported
    public String getImage() {
        DeployedImage image = entry.primaryImage();
        return image == null ? null : image.image();
    }

    @Exported
    public String getDigest() {
        return entry.primaryDigest();
    }

    @Exported
    public String getServiceDeploymentArn() {
        return entry.serviceDeploymentArn();
    }

    /** The longer details behind the reason, or null. */
    @Exported
    public String getDetails() {
        return entry.details();
    }

    /** The id of the image build this deployment's image came from, when this Jenkins built it. */
    @Exported
    public String getBuildId() {
        return entry.buildId();
    }

    /** The image's findings per severity at deploy time, empty when its scan is unknown. */
    @Exported
    public Map<String, Integer> getScanCounts() {
        return entry.scan() == null ? Map.of() : entry.scan().severityCounts();
    }

    /** PASSED or FAILED: the image's gate at deploy time; null when unknown. */
    @Exported
    public String getGate() {
        return entry.gate() == null ? null : entry.gate().passed() ? "PASSED" : "FAILED";
    }

    /** Findings the allow-list let through at deploy time (the override). */
    @Exported
    public List<String> getAllowListed() {
        return entry.gate() == null ? List.of() : entry.gate().allowListed();
    }

    @Exported(visibility = 2, inline = true)
    public List<EventRow> getEvents() {
        return events(entry.events());
    }

    /** The page with Continue and Roll back while the deployment waits at a pause (relative to the root URL), else null. */
    @Exported
    public String getDecisionUrl() {
        return decisionUrl;
    }

    public String getServiceConsoleUrl() {
        return ConsoleLinks.service(entry.region(), entry.cluster(), entry.service())
                .orElse(null);
    }

    public String getTaskDefinitionConsoleUrl() {
        return ConsoleLinks.taskDefinition(entry.region(), entry.taskDefinitionArn())
                .orElse(null);
    }

    public String getPreviousTaskDefinitionConsoleUrl() {
        return ConsoleLinks.taskDefinition(entry.region(), entry.previousTaskDefinitionArn())
                .orElse(null);
    }

    @Override
    String kind() {
        return "deployment";
    }
}
