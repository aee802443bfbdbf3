package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.ecr.build.CommandRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** podman: daemonless builds; pushes with {@code --digestfile}, logins in this run's {@code --authfile}. */
class PodmanBuilder extends CliImageBuilder {
    PodmanBuilder(CommandRunner runner) {
        this(runner, "podman");
    }

    PodmanBuilder(CommandRunner runner, String program) {
        super(runner, program);
    }

    @Override
    public String name() {
        return "podman";
    }

    @Override
    protected List<String> buildCommand(BuildContext context) {
        return List.of(program, "build");
    }

    /**
     * {@code --timestamp} sets the image's and its history's creation time, and every file time in the new layers,
     * to the source date (podman and buildah both take it). {@code --no-cache}, because the local layer cache ignores
     * the timestamp (podman 4.3, buildah 1.28): a cached layer from a build with another timestamp, or none, would
     * bring its file times into this image.
     */
    @Override
    protected List<String> reproducibilityArgs(BuildContext context) {
        List<String> args = new ArrayList<>(
                List.of("--timestamp", Long.toString(context.created().epochSecond())));
        if (!context.request().noCache()) {
            args.add("--no-cache");
        }
        return args;
    }

    /** Layers from a remote cache were made by other builds, with their own file times. */
    @Override
    public String notReproducibleReason(BuildContext context) {
        return context.request().cacheFrom().isEmpty()
                ? null
                : "layers taken from --cache-from keep the file times of the build that made them";
    }

    @Override
    public String buildAndPush(BuildContext context) {
        build(context);
        context.auth().login(program, context.registry(), context.credential());
        String digest = null;
        for (String reference : context.references()) {
            Path digestFile = context.workDirectory().resolve("digest");
            run(context, pushArgv(context, reference, digestFile), "push of " + reference + " failed");
            digest = readDigest(digestFile);
        }
        return digest;
    }

    protected List<String> pushArgv(BuildContext context, String reference, Path digestFile) {
        List<String> argv = new ArrayList<>(
                List.of(program, "push", "--authfile", context.auth().authFile().toString()));
        if (context.credential().plainHttp()) {
            argv.add("--tls-verify=false");
        }
        argv.addAll(List.of("--digestfile", digestFile.toString(), reference));
        return argv;
    }

    @Override
    public Path buildToArchive(BuildContext context) {
        // Before the build, so a base image in the same registry can be pulled.
        context.auth().login(program, context.registry(), context.credential());
        build(context);
        Path archive = context.workDirectory().resolve("image.oci.tar");
        run(
                context,
                List.of(
                        program,
                        "save",
                        "--format",
                        "oci-archive",
                        "--output",
                        archive.toString(),
                        context.firstReference()),
                "export of " + context.firstReference() + " failed");
        return archive;
    }
}
