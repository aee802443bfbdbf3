package dev.ecsdeploy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The shape of every command that talks to AWS: parse the common options, open a session, translate the flags to
 * one core request, print the result. Subclasses hold no AWS logic.
 */
abstract class AwsCommand implements Callable<Integer> {
    @Mixin
    AwsOptions aws = new AwsOptions();

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        aws.validate();
        validate();
        try (CliSession session = CliSession.open(
                aws, spec.commandLine().getOut(), spec.commandLine().getErr())) {
            return run(session);
        }
    }

    /** Checks the flags before anything is called; throws {@link CliFailure#badInput} on a problem. */
    void validate() {}

    abstract int run(CliSession session);
}
