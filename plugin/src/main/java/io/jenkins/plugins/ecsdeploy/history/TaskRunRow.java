package io.jenkins.plugins.ecsdeploy.history;

import dev.ecsdeploy.core.history.TaskRunEntry;
import dev.ecsdeploy.core.report.ConsoleLinks;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** A one-off task the build ran: where, which command, its exit code and how it ended. */
@ExportedBean(defaultVisibility = 2)
public final class TaskRunRow extends EntryRow {
    private final TaskRunEntry entry;

    TaskRunRow(TaskRunEntry entry) {
        super(entry);
        this.entry = entry;
    }

    @Exported
    public String getEnvironment() {
        return entry.environment();
    }

    @Exported
    public String getCluster() {
        return entry.cluster();
    }

    /** The service whose task definition and network the task used, or null. */
    @Exported
    public String getService() {
        return entry.service();
    }

    @Exported
    public String getTaskDefinitionArn() {
        return entry.taskDefinitionArn();
    }

    public String getTaskDefinition() {
        return shortName(entry.taskDefinitionArn());
    }

    @Exported
    public String getTaskArn() {
        return entry.taskArn();
    }

    @Exported
    public List<String> getCommand() {
        return entry.command();
    }

    public String getCommandLine() {
        return String.join(" ", entry.command());
    }

    @Exported
    public Integer getExitCode() {
        return entry.exitCode();
    }

    @Exported(visibility = 2, inline = true)
    public List<EventRow> getEvents() {
        return events(entry.events());
    }

    public String getTaskConsoleUrl() {
        return ConsoleLinks.task(entry.region(), entry.cluster(), entry.taskArn())
                .orElse(null);
    }

    @Override
    String kind() {
        return "task";
    }
}
