package dev.ecsdeploy.emulator.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.EmulatorContext;
import dev.ecsdeploy.emulator.http.AwsJsonService;
import dev.ecsdeploy.emulator.http.ControlRequest;
import dev.ecsdeploy.emulator.http.MemberTypes;
import dev.ecsdeploy.emulator.http.RawHttpRoute;
import dev.ecsdeploy.emulator.http.RequestContext;
import dev.ecsdeploy.emulator.workload.ImageResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Emulated Amazon ECR: the AWS JSON 1.1 API ({@code AmazonEC2ContainerRegistry_V20150921}) and the embedded OCI
 * distribution registry under {@code /v2/} that real clients push to. Repository URIs and the token's proxy endpoint
 * name {@code 127.0.0.1:<port>}. It also offers a Java API for tests and demos: seed an image without any client,
 * set an image's scan findings, and pin a scan status.
 */
public final class EcrService implements AwsJsonService {
    private final EmulatorContext context;
    private final EcrStore store;
    private final RegistryAuth auth = new RegistryAuth();
    private final Map<String, EcrOperation> operations = new HashMap<>();

    public EcrService(EmulatorContext context) {
        this.context = context;
        this.store = new EcrStore(context.accountId());
        ImageOperations images = new ImageOperations(store);
        new RepositoryOperations(store, context.registryHost()).register(operations);
        images.register(operations);
        new ScanOperations(store, images).register(operations);
        operations.put("GetAuthorizationToken", this::authorizationToken);
    }

    /** Resolves image references for ECS tasks. */
    public ImageResolver imageResolver() {
        return new EcrImageResolver(store, context.registryHost());
    }

    /** The OCI distribution registry under {@code /v2/}. */
    public RawHttpRoute registryRoute() {
        return new RegistryRoute(store, auth, () -> context.clock().now(), context.registryHost());
    }

    @Override
    public String targetPrefix() {
        return "AmazonEC2ContainerRegistry_V20150921";
    }

    @Override
    public String serviceName() {
        return "ecr";
    }

    @Override
    public JsonNode handle(String operation, ObjectNode input, RequestContext requestContext) {
        EcrOperation handler = operations.get(operation);
        if (handler == null) {
            throw AwsJsonService.unknownOperation(operation);
        }
        synchronized (store) {
            return handler.handle(input, requestContext);
        }
    }

    @Override
    public void advanceTo(Instant now) {
        store.advanceTo(now);
    }

    @Override
    public JsonNode dumpState() {
        return EcrStateDump.dump(store);
    }

    /**
     * Creates a repository with ECR's defaults (mutable tags, no scan on push, AES256) and returns its URI, for
     * seeding state without a client.
     */
    public String createRepository(String name) {
        synchronized (store) {
            return store.create(new EcrRepository.RepositorySettings(
                            name,
                            "arn:aws:ecr:" + context.defaultRegion() + ":" + context.accountId() + ":repository/"
                                    + name,
                            context.registryHost() + "/" + name,
                            context.clock().now(),
                            "MUTABLE",
                            false,
                            "AES256",
                            null,
                            Map.of()))
                    .uri();
        }
    }

    /**
     * Stores a real image (a config blob carrying {@code labels}, one small layer, a Docker v2 schema 2 manifest)
     * in an existing repository under {@code tag}, as a push would (scan on push included), and returns its digest.
     */
    public String putSyntheticImage(String repository, String tag, Map<String, String> labels) {
        SyntheticImages.Parts parts = SyntheticImages.build(repository, tag, labels);
        synchronized (store) {
            if (store.repository(repository).isEmpty()) {
                throw new IllegalArgumentException("cannot seed image " + repository + ":" + tag
                        + ": the repository does not exist (create it first, e.g. with createRepository)");
            }
            store.link(repository, store.blobs().put(parts.config()));
            store.link(repository, store.blobs().put(parts.layer()));
            Manifest manifest = Manifest.parse(parts.manifest(), Manifest.DOCKER_V2);
            try {
                return store.putManifest(
                                repository, manifest, tag, context.clock().now())
                        .digest();
            } catch (EcrStore.ImageStoreException e) {
                throw new IllegalStateException("cannot seed image " + repository + ":" + tag + ": the tag already "
                        + "exists and the repository's tags are immutable");
            }
        }
    }

    /** The digest a tag points at, if the repository and tag exist. */
    public Optional<String> digestOf(String repository, String tag) {
        synchronized (store) {
            return store.repository(repository).flatMap(repo -> repo.digestForTag(tag));
        }
    }

    /** Replaces the findings the scanner reports for an image (by digest or tag). */
    public void setFindings(String repository, String digestOrTag, List<ScanFinding> findings) {
        synchronized (store) {
            image(repository, digestOrTag).findings(findings);
        }
    }

    /** Replaces the findings with generated ones, {@code counts} per severity (for example CRITICAL=1, HIGH=2). */
    public void setFindingCounts(String repository, String digestOrTag, Map<String, Integer> counts) {
        synchronized (store) {
            StoredImage image = image(repository, digestOrTag);
            image.findings(FindingGenerator.generate(image.digest(), counts));
        }
    }

    /**
     * Pins an image's scan status (FAILED, UNSUPPORTED_IMAGE, LIMIT_EXCEEDED, SCAN_ELIGIBILITY_EXPIRED,
     * FINDINGS_UNAVAILABLE, or IN_PROGRESS to make a scan never finish) until {@link #unpinScanStatus} is called.
     * An image that was never scanned gets a scan of the kind the registry configuration implies.
     */
    public void pinScanStatus(String repository, String digestOrTag, String status, String description) {
        synchronized (store) {
            StoredImage image = image(repository, digestOrTag);
            if (image.scan() == null) {
                Instant now = context.clock().now();
                ImageScan.Kind kind =
                        store.scanning().enhanced() ? ImageScan.Kind.ENHANCED_CONTINUOUS : ImageScan.Kind.BASIC;
                image.scan(new ImageScan(kind, now, now.plus(store.scanDuration())));
            }
            image.scan().pin(status, description);
        }
    }

    /** Lets a pinned scan move again; it completes at once if its due time has passed. */
    public void unpinScanStatus(String repository, String digestOrTag) {
        synchronized (store) {
            ImageScan scan = image(repository, digestOrTag).scan();
            if (scan != null) {
                scan.unpin(context.clock().now());
            }
        }
    }

    /** Answers the control API's {@code /_emulator/ecr/…} paths (see {@link EcrControl}). */
    public JsonNode control(ControlRequest request) {
        return new EcrControl(this).handle(request);
    }

    /** How long a scan takes on the emulated clock (10 s unless changed). */
    public void scanDuration(Duration duration) {
        store.scanDuration(duration);
    }

    private StoredImage image(String repository, String digestOrTag) {
        return store.requireRepository(repository)
                .resolve(digestOrTag)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no image " + digestOrTag + " in repository " + repository + " of the emulated registry"));
    }

    private JsonNode authorizationToken(ObjectNode input, RequestContext requestContext) {
        MemberTypes.lists(input, "registryIds");
        Instant expiresAt = requestContext.now().plus(RegistryAuth.TOKEN_LIFETIME);
        ObjectNode output = EcrJson.object();
        ArrayNode data = output.putArray("authorizationData");
        int entries = Math.max(1, input.path("registryIds").size());
        for (int i = 0; i < entries; i++) {
            String password = auth.issue(context.nextHexId(), expiresAt);
            data.addObject()
                    .put("authorizationToken", RegistryAuth.authorizationToken(password))
                    .put("expiresAt", EcrJson.epoch(expiresAt))
                    .put("proxyEndpoint", "http://" + context.registryHost());
        }
        return output;
    }
}
