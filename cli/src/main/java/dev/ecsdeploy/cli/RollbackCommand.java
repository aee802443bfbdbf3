package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.deploy.DeploymentEngine;
import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import java.io.Console;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ecsdeploy rollback}: stops an in-flight deployment with rollback, or redeploys the last successful (or a
 * named) task definition, and follows it to a verdict. Destructive, so it asks first unless {@code --yes}.
 */
@Command(name = "rollback", description = "Roll a service back to its last successful or a given task definition.")
final class RollbackCommand extends AwsCommand {
    static final String LAST_SUCCESSFUL = "last-successful";

    @Option(names = "--cluster", required = true, description = "Cluster name or ARN.")
    String cluster;

    @Option(names = "--service", required = true, description = "Service name or ARN.")
    String service;

    @Option(
            names = "--to",
            defaultValue = LAST_SUCCESSFUL,
            paramLabel = "last-successful|REVISION",
            description = "Where to go: last-successful (default), family:revision or a task definition ARN.")
    String to;

    @Option(names = "--environment", description = "Environment name recorded in the history.")
    String environment;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--dry-run", description = "Say what would be rolled back; change nothing.")
    boolean dryRun;

    @Override
    void validate() {
        Inputs.require(dev.ecsdeploy.core.input.InputParser.ecsName("cluster", cluster), "--cluster");
        Inputs.require(dev.ecsdeploy.core.input.InputParser.ecsName("service", service), "--service");
        if (!to.equals(LAST_SUCCESSFUL)
                && !dev.ecsdeploy.core.input.InputParser.taskDefinitionRevision(to)
                        .isValid()) {
            throw CliFailure.badInput(
                    "invalid --to " + to + ": expected last-successful, family:revision or a task definition ARN",
                    "use --to last-successful or --to web:7");
        }
    }

    @Override
    int run(CliSession session) {
        if (dryRun) {
            return printDryRun(session);
        }
        confirm(session);
        session.reconcileHistory(reconciler -> reconciler.reconcileService(cluster, service));
        DeploymentEngine engine = DeploymentEngines.create(session);
        String target = to.equals(LAST_SUCCESSFUL) ? null : to;
        DeploymentHandle handle = engine.rollback(environment == null ? "" : environment, cluster, service, target);
        DeploymentRecord record = engine.await(
                handle,
                session.progress(),
                DecisionPolicy.always(Decision.CONTINUE),
                DeploymentEngines.sleeper(session));
        session.history().deploymentFinished(record);
        return DeploymentOutput.print(session, record);
    }

    private void confirm(CliSession session) {
        if (yes) {
            return;
        }
        Console console = System.console();
        if (console == null) {
            throw CliFailure.badInput(
                    "rollback not confirmed: standard input is not a terminal, so ecsdeploy cannot ask",
                    "pass --yes to roll back " + cluster + "/" + service + " without asking");
        }
        String answer = console.readLine("Roll back %s/%s to %s? [y/N] ", cluster, service, to);
        if (answer == null || !answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
            throw CliFailure.badInput("rollback cancelled: you answered no", null);
        }
    }

    private int printDryRun(CliSession session) {
        String what = "would roll back " + cluster + "/" + service + " to " + to
                + " (an in-flight deployment is stopped with rollback instead)";
        if (session.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("dryRun", true);
            json.put("cluster", cluster);
            json.put("service", service);
            json.put("to", to);
            JsonOutput.print(session.out(), json);
        } else {
            session.out().println("Dry run: " + what + "; nothing was changed.");
            session.out().flush();
        }
        return ExitCode.SUCCESS;
    }
}
