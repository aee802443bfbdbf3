package dev.ecsdeploy.core.ecr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.EcrNames;
import dev.ecsdeploy.core.ecr.RepositoryReport;
import dev.ecsdeploy.core.ecr.RepositorySpec;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;

/** Finds, creates and checks repositories: the only place that reads or changes repository settings. */
final class RepositoryManager {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EcrClient ecr;
    private final Clock clock;
    private final ProgressListener listener;

    RepositoryManager(EcrClient ecr, Clock clock, ProgressListener listener) {
        this.ecr = ecr;
        this.clock = clock;
        this.listener = listener;
    }

    RepositoryReport ensure(RepositorySpec spec) {
        EcrNames.requireRepositoryName(spec.name());
        EcrNames.requireRegistryId(spec.registryId());
        try {
            return describe(spec).map(existing -> reconcile(spec, existing)).orElseGet(() -> create(spec));
        } catch (RepositoryNotFoundException e) {
            throw missing(spec);
        } catch (SdkException e) {
            throw new EcrImageException("could not check repository " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    private java.util.Optional<Repository> describe(RepositorySpec spec) {
        try {
            return ecr
                    .describeRepositories(r -> r.registryId(spec.registryId()).repositoryNames(spec.name()))
                    .repositories()
                    .stream()
                    .findFirst();
        } catch (RepositoryNotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    private RepositoryReport create(RepositorySpec spec) {
        if (!spec.createIfMissing()) {
            throw missing(spec);
        }
        CreateRepositoryRequest.Builder request = CreateRepositoryRequest.builder()
                .registryId(spec.registryId())
                .repositoryName(spec.name())
                .imageTagMutability(
                        Boolean.TRUE.equals(spec.immutableTags())
                                ? ImageTagMutability.IMMUTABLE
                                : ImageTagMutability.MUTABLE)
                .imageScanningConfiguration(s -> s.scanOnPush(Boolean.TRUE.equals(spec.scanOnPush())));
        if (spec.encryption() != null) {
            request.encryptionConfiguration(
                    e -> e.encryptionType(spec.encryption().type())
                            .kmsKey(spec.encryption().kmsKey()));
        }
        Repository created = ecr.createRepository(request.build()).repository();
        putPolicies(spec);
        emit("created repository " + created.repositoryUri());
        return report(created, true, List.of(), false);
    }

    private void putPolicies(RepositorySpec spec) {
        if (spec.lifecyclePolicy() != null) {
            ecr.putLifecyclePolicy(r -> r.registryId(spec.registryId())
                    .repositoryName(spec.name())
                    .lifecyclePolicyText(spec.lifecyclePolicy()));
        }
        if (spec.repositoryPolicy() != null) {
            ecr.setRepositoryPolicy(r ->
                    r.registryId(spec.registryId()).repositoryName(spec.name()).policyText(spec.repositoryPolicy()));
        }
    }

    private RepositoryReport reconcile(RepositorySpec spec, Repository existing) {
        List<String> drift = drift(spec, existing);
        if (drift.isEmpty()) {
            return report(existing, false, drift, false);
        }
        drift.forEach(line -> listener.onEvent(ProgressEvent.warning(
                        clock.instant(),
                        EventKinds.ECR_REPOSITORY_DRIFT,
                        "repository " + spec.name() + " differs: " + line)
                .withAttribute("repository", spec.name())));
        if (!spec.applyChanges()) {
            return report(existing, false, drift, false);
        }
        apply(spec, existing);
        Repository updated = describe(spec).orElseThrow(() -> missing(spec));
        emit("updated repository " + existing.repositoryUri() + " to the requested settings");
        return report(updated, false, drift, true);
    }

    private List<String> drift(RepositorySpec spec, Repository existing) {
        List<String> drift = new ArrayList<>();
        boolean immutable = existing.imageTagMutability() == ImageTagMutability.IMMUTABLE;
        compare(drift, "imageTagMutability", spec.immutableTags(), immutable, "IMMUTABLE", "MUTABLE");
        boolean scanOnPush = existing.imageScanningConfiguration() != null
                && Boolean.TRUE.equals(existing.imageScanningConfiguration().scanOnPush());
        compare(drift, "scanOnPush", spec.scanOnPush(), scanOnPush, "true", "false");
        if (spec.encryption() != null) {
            String actualType = existing.encryptionConfiguration() == null
                    ? "AES256"
                    : existing.encryptionConfiguration().encryptionTypeAsString();
            String actualKey = existing.encryptionConfiguration() == null
                    ? null
                    : existing.encryptionConfiguration().kmsKey();
            boolean keyDiffers = spec.encryption().kmsKey() != null
                    && !Objects.equals(spec.encryption().kmsKey(), actualKey);
            if (!spec.encryption().type().equals(actualType) || keyDiffers) {
                drift.add("encryption is " + actualType + (actualKey == null ? "" : " " + actualKey) + ", wanted "
                        + spec.encryption().type()
                        + (spec.encryption().kmsKey() == null
                                ? ""
                                : " " + spec.encryption().kmsKey())
                        + " (ECR cannot change encryption of an existing repository)");
            }
        }
        comparePolicy(drift, "lifecycle policy", spec.lifecyclePolicy(), lifecyclePolicy(spec));
        comparePolicy(drift, "repository policy", spec.repositoryPolicy(), repositoryPolicy(spec));
        return drift;
    }

    private static void compare(
            List<String> drift, String name, Boolean wanted, boolean actual, String yes, String no) {
        if (wanted != null && wanted != actual) {
            drift.add(name + " is " + (actual ? yes : no) + ", wanted " + (wanted ? yes : no));
        }
    }

    private static void comparePolicy(List<String> drift, String name, String wanted, String actual) {
        if (wanted != null && !sameJson(wanted, actual)) {
            drift.add(name + (actual == null ? " is missing" : " differs from the requested document"));
        }
    }

    private static boolean sameJson(String wanted, String actual) {
        if (actual == null) {
            return false;
        }
        try {
            JsonNode left = JSON.readTree(wanted);
            JsonNode right = JSON.readTree(actual);
            return left.equals(right);
        } catch (IOException e) {
            return wanted.trim().equals(actual.trim());
        }
    }

    private String lifecyclePolicy(RepositorySpec spec) {
        try {
            return ecr.getLifecyclePolicy(r -> r.registryId(spec.registryId()).repositoryName(spec.name()))
                    .lifecyclePolicyText();
        } catch (LifecyclePolicyNotFoundException e) {
            return null;
        }
    }

    private String repositoryPolicy(RepositorySpec spec) {
        try {
            return ecr.getRepositoryPolicy(r -> r.registryId(spec.registryId()).repositoryName(spec.name()))
                    .policyText();
        } catch (RepositoryPolicyNotFoundException e) {
            return null;
        }
    }

    private void apply(RepositorySpec spec, Repository existing) {
        if (spec.immutableTags() != null) {
            ecr.putImageTagMutability(r -> r.registryId(spec.registryId())
                    .repositoryName(spec.name())
                    .imageTagMutability(
                            spec.immutableTags() ? ImageTagMutability.IMMUTABLE : ImageTagMutability.MUTABLE));
        }
        if (spec.scanOnPush() != null) {
            ecr.putImageScanningConfiguration(r -> r.registryId(spec.registryId())
                    .repositoryName(spec.name())
                    .imageScanningConfiguration(s -> s.scanOnPush(spec.scanOnPush())));
        }
        putPolicies(spec);
    }

    private RepositoryReport report(Repository repository, boolean created, List<String> drift, boolean updated) {
        return new RepositoryReport(
                repository.repositoryUri(),
                repository.registryId(),
                created,
                drift,
                updated,
                repository.imageTagMutability() == ImageTagMutability.IMMUTABLE,
                repository.imageScanningConfiguration() != null
                        && Boolean.TRUE.equals(
                                repository.imageScanningConfiguration().scanOnPush()));
    }

    private static EcrImageException missing(RepositorySpec spec) {
        return new dev.ecsdeploy.core.ecr.RepositoryNotFoundException(
                spec.name(),
                "repository " + spec.name() + " not found"
                        + (spec.registryId() == null ? "" : " in registry " + spec.registryId())
                        + ": it does not exist, and creating it was not asked for");
    }

    private void emit(String message) {
        listener.onEvent(ProgressEvent.info(clock.instant(), EventKinds.ECR_REPOSITORY, message));
    }
}
