package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.ecr.build.CommandRunner;
import java.nio.file.Path;
import java.util.List;

/**
 * buildah: the same flags as podman for building (including {@code --timestamp} and {@code --no-cache}, see {@link
 * PodmanBuilder}); {@code --layers} makes it commit intermediate layers as podman does, so both produce the same
 * image for the same inputs. The archive is written with {@code buildah push … oci-archive:}.
 */
final class BuildahBuilder extends PodmanBuilder {
    BuildahBuilder(CommandRunner runner) {
        super(runner, "buildah");
    }

    @Override
    public String name() {
        return "buildah";
    }

    @Override
    protected List<String> buildCommand(BuildContext context) {
        return List.of(program, "build", "--layers");
    }

    @Override
    public Path buildToArchive(BuildContext context) {
        // Before the build, so a base image in the same registry can be pulled.
        context.auth().login(program, context.registry(), context.credential());
        build(context);
        Path archive = context.workDirectory().resolve("image.oci.tar");
        run(
                context,
                List.of(program, "push", context.firstReference(), "oci-archive:" + archive),
                "export of " + context.firstReference() + " failed");
        return archive;
    }
}
