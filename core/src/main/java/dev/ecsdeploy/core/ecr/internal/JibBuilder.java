package dev.ecsdeploy.core.ecr.internal;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.JibImage;
import dev.ecsdeploy.core.ecr.JibLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutionException;

/**
 * Jib, in this JVM: no Dockerfile, no daemon, no external command. It assembles layers from files, pushes them
 * straight to the registry with the ECR credential held in memory, and reports the manifest digest. The files must be
 * readable by this JVM. With a {@code scratch} base it works offline.
 */
final class JibBuilder implements ImageBuilder {
    static final String SEND_CREDENTIALS_OVER_HTTP = "sendCredentialsOverHttp";

    @Override
    public String name() {
        return "jib";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public void validate(BuildPushRequest request) {
        JibImage image = request.jibImage();
        if (image == null) {
            throw new EcrImageException("cannot build with Jib: the request has no Jib image (base image, layers,"
                    + " entrypoint); Jib does not read Dockerfiles");
        }
        for (JibLayer layer : image.layers()) {
            if (!Files.exists(layer.source())) {
                throw new EcrImageException(
                        "cannot build with Jib: layer source " + layer.source() + " does not exist");
            }
        }
    }

    @Override
    public String buildAndPush(BuildContext context) {
        RegistryImage target = registryImage(context, context.firstReference());
        Containerizer containerizer = Containerizer.to(target);
        for (String reference :
                context.references().subList(1, context.references().size())) {
            containerizer.withAdditionalTag(parse(reference).getTag().orElseThrow());
        }
        return containerize(context, containerizer).getDigest().toString();
    }

    @Override
    public Path buildToArchive(BuildContext context) {
        Path archive = context.workDirectory().resolve("image.jib.tar");
        containerize(context, Containerizer.to(TarImage.at(archive).named(parse(context.firstReference()))));
        return archive;
    }

    private JibContainer containerize(BuildContext context, Containerizer containerizer) {
        allowCredentialsOverHttpForLoopback(context);
        containerizer
                .setAllowInsecureRegistries(context.credential().plainHttp())
                .setToolName("ecs-deploy")
                .setApplicationLayersCache(context.workDirectory().resolve("jib-cache"))
                .addEventHandler(LogEvent.class, event -> context.output().accept(event.getMessage()));
        try {
            return containerBuilder(context).containerize(containerizer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EcrImageException("Jib build of " + context.firstReference() + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new EcrImageException(
                    "Jib build of " + context.firstReference() + " failed: " + cause.getMessage(), cause);
        } catch (Exception e) {
            throw new EcrImageException("Jib build of " + context.firstReference() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Jib refuses to send credentials over plain HTTP unless a JVM-wide property says so. We set it only for a
     * loopback registry that itself advertises HTTP (a local emulator or registry), never for ECR.
     */
    private static void allowCredentialsOverHttpForLoopback(BuildContext context) {
        String host = context.registry().replaceFirst(":\\d+$", "");
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        if (context.credential().plainHttp() && loopback) {
            System.setProperty(SEND_CREDENTIALS_OVER_HTTP, "true");
        }
    }

    private JibContainerBuilder containerBuilder(BuildContext context)
            throws InvalidImageReferenceException, IOException {
        JibImage image = context.request().jibImage();
        JibContainerBuilder builder = "scratch".equals(image.baseImage())
                ? Jib.fromScratch()
                : Jib.from(baseImage(context, image.baseImage()));
        Instant created = context.created().time();
        int index = 0;
        for (JibLayer layer : image.layers()) {
            builder.addFileEntriesLayer(fileLayer(layer, index++, created));
        }
        if (image.entrypoint() != null) {
            builder.setEntrypoint(image.entrypoint());
        }
        if (image.command() != null) {
            builder.setProgramArguments(image.command());
        }
        if (image.workingDirectory() != null) {
            builder.setWorkingDirectory(AbsoluteUnixPath.get(image.workingDirectory()));
        }
        return builder.setEnvironment(image.environment())
                .setLabels(context.labels())
                .setCreationTime(created)
                .setFormat(ImageFormat.Docker);
    }

    /** Every file time is the source date, so the layer's bytes depend only on the files' content and mode. */
    private static FileEntriesLayer fileLayer(JibLayer layer, int index, Instant created) throws IOException {
        FilePermissions mode = FilePermissions.fromOctalString(layer.executable() ? "755" : "644");
        return FileEntriesLayer.builder()
                .setName("layer-" + index)
                .addEntryRecursive(
                        layer.source(),
                        AbsoluteUnixPath.get(layer.pathInImage()),
                        (source, destination) ->
                                Files.isDirectory(source) ? FilePermissions.DEFAULT_FOLDER_PERMISSIONS : mode,
                        (source, destination) -> created)
                .build();
    }

    /** A base image in the target registry is pulled with the same credential; any other anonymously. */
    private static RegistryImage baseImage(BuildContext context, String reference)
            throws InvalidImageReferenceException {
        RegistryImage image = RegistryImage.named(reference);
        if (reference.startsWith(context.registry() + "/")) {
            image.addCredential(
                    context.credential().username(), context.credential().password());
        }
        return image;
    }

    private static RegistryImage registryImage(BuildContext context, String reference) {
        return RegistryImage.named(parse(reference))
                .addCredential(
                        context.credential().username(), context.credential().password());
    }

    private static ImageReference parse(String reference) {
        try {
            return ImageReference.parse(reference);
        } catch (InvalidImageReferenceException e) {
            throw new EcrImageException("invalid image reference " + reference + ": " + e.getMessage(), e);
        }
    }
}
