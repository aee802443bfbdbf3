package dev.ecsdeploy.emulator.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.EncryptionType;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotEmptyException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;

class RepositoryOperationsTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @Test
    void shouldCreateAndDescribeARepositoryWithItsSettings() {
        EcrClient ecr = aws.ecr();

        Repository created = ecr.createRepository(r -> r.repositoryName("team/web")
                        .imageTagMutability(ImageTagMutability.IMMUTABLE)
                        .imageScanningConfiguration(s -> s.scanOnPush(true))
                        .encryptionConfiguration(e -> e.encryptionType(EncryptionType.KMS))
                        .tags(t -> t.key("env").value("test")))
                .repository();

        String host = aws.emulator().registryHost();
        assertThat(created.repositoryUri()).isEqualTo(host + "/team/web");
        assertThat(created.repositoryArn()).isEqualTo("arn:aws:ecr:us-east-1:123456789012:repository/team/web");
        assertThat(created.registryId()).isEqualTo("123456789012");
        assertThat(created.createdAt())
                .isEqualTo(aws.emulator().now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        Repository described = ecr.describeRepositories(r -> r.repositoryNames("team/web"))
                .repositories()
                .get(0);
        assertThat(described).isEqualTo(created);
        assertThat(described.imageTagMutability()).isEqualTo(ImageTagMutability.IMMUTABLE);
        assertThat(described.imageScanningConfiguration().scanOnPush()).isTrue();
        assertThat(described.encryptionConfiguration().encryptionType()).isEqualTo(EncryptionType.KMS);
        assertThat(described.encryptionConfiguration().kmsKey())
                .isEqualTo("arn:aws:kms:us-east-1:123456789012:alias/aws/ecr");
    }

    @Test
    void shouldDefaultToMutableUnscannedAes256() {
        Repository created =
                aws.ecr().createRepository(r -> r.repositoryName("plain")).repository();

        assertThat(created.imageTagMutability()).isEqualTo(ImageTagMutability.MUTABLE);
        assertThat(created.imageScanningConfiguration().scanOnPush()).isFalse();
        assertThat(created.encryptionConfiguration().encryptionType()).isEqualTo(EncryptionType.AES256);
        assertThat(created.encryptionConfiguration().kmsKey()).isNull();
    }

    @Test
    void shouldRejectDuplicateAndInvalidNames() {
        EcrClient ecr = aws.ecr();
        ecr.createRepository(r -> r.repositoryName("app"));

        assertThatThrownBy(() -> ecr.createRepository(r -> r.repositoryName("app")))
                .isInstanceOf(RepositoryAlreadyExistsException.class)
                .hasMessageContaining(
                        "The repository with name 'app' already exists in the registry with id '123456789012'");
        assertThatThrownBy(() -> ecr.createRepository(r -> r.repositoryName("Upper/Case")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("repositoryName");
        assertThatThrownBy(() -> ecr.createRepository(r -> r.repositoryName("a")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void shouldReportMissingRepositoriesAsAwsDoes() {
        assertThatThrownBy(() -> aws.ecr().describeRepositories(r -> r.repositoryNames("nope")))
                .isInstanceOf(RepositoryNotFoundException.class)
                .hasMessageContaining(
                        "The repository with name 'nope' does not exist in the registry with id '123456789012'");
        assertThatThrownBy(() ->
                        aws.ecr().describeImages(r -> r.repositoryName("app").registryId("210987654321")))
                .isInstanceOf(RepositoryNotFoundException.class);
        assertThat(aws.ecr()
                        .describeRepositories(r -> r.registryId("210987654321"))
                        .repositories())
                .isEmpty();
        assertThatThrownBy(() ->
                        aws.ecr().createRepository(r -> r.repositoryName("app").registryId("210987654321")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("123456789012");
    }

    @Test
    void shouldRefuseToDeleteANonEmptyRepositoryUnlessForced() {
        EcrClient ecr = aws.ecr();
        ecr.createRepository(r -> r.repositoryName("full"));
        aws.emulator().ecr().putSyntheticImage("full", "v1", Map.of());

        assertThatThrownBy(() -> ecr.deleteRepository(r -> r.repositoryName("full")))
                .isInstanceOf(RepositoryNotEmptyException.class);
        ecr.deleteRepository(r -> r.repositoryName("full").force(true));

        assertThat(ecr.describeRepositories().repositories()).isEmpty();
    }

    @Test
    void shouldChangeTagMutabilityAndScanOnPush() {
        EcrClient ecr = aws.ecr();
        ecr.createRepository(r -> r.repositoryName("settings"));

        ecr.putImageTagMutability(r -> r.repositoryName("settings").imageTagMutability(ImageTagMutability.IMMUTABLE));
        ecr.putImageScanningConfiguration(
                r -> r.repositoryName("settings").imageScanningConfiguration(s -> s.scanOnPush(true)));

        Repository repository = ecr.describeRepositories(r -> r.repositoryNames("settings"))
                .repositories()
                .get(0);
        assertThat(repository.imageTagMutability()).isEqualTo(ImageTagMutability.IMMUTABLE);
        assertThat(repository.imageScanningConfiguration().scanOnPush()).isTrue();
    }

    @Test
    void shouldStoreValidatedLifecyclePolicies() {
        EcrClient ecr = aws.ecr();
        ecr.createRepository(r -> r.repositoryName("lifecycle"));
        String policy = "{\"rules\":[{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"untagged\","
                + "\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":14},"
                + "\"action\":{\"type\":\"expire\"}}]}";

        assertThatThrownBy(() -> ecr.getLifecyclePolicy(r -> r.repositoryName("lifecycle")))
                .isInstanceOf(LifecyclePolicyNotFoundException.class);
        assertThatThrownBy(() -> ecr.putLifecyclePolicy(
                        r -> r.repositoryName("lifecycle").lifecyclePolicyText("{\"rules\":[]}")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecr.putLifecyclePolicy(
                        r -> r.repositoryName("lifecycle").lifecyclePolicyText("nope")))
                .isInstanceOf(InvalidParameterException.class);
        ecr.putLifecyclePolicy(r -> r.repositoryName("lifecycle").lifecyclePolicyText(policy));

        assertThat(ecr.getLifecyclePolicy(r -> r.repositoryName("lifecycle")).lifecyclePolicyText())
                .isEqualTo(policy);
        assertThat(ecr.deleteLifecyclePolicy(r -> r.repositoryName("lifecycle")).lifecyclePolicyText())
                .isEqualTo(policy);
        assertThatThrownBy(() -> ecr.getLifecyclePolicy(r -> r.repositoryName("lifecycle")))
                .isInstanceOf(LifecyclePolicyNotFoundException.class);
    }

    @Test
    void shouldSetGetAndDeleteRepositoryPolicies() {
        EcrClient ecr = aws.ecr();
        ecr.createRepository(r -> r.repositoryName("policy"));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"pull\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":[\"ecr:BatchGetImage\"]}]}";

        ecr.setRepositoryPolicy(r -> r.repositoryName("policy").policyText(policy));

        assertThat(ecr.getRepositoryPolicy(r -> r.repositoryName("policy")).policyText())
                .isEqualTo(policy);
        ecr.deleteRepositoryPolicy(r -> r.repositoryName("policy"));
        assertThatThrownBy(() -> ecr.getRepositoryPolicy(r -> r.repositoryName("policy")))
                .isInstanceOf(RepositoryPolicyNotFoundException.class);
        assertThatThrownBy(() ->
                        ecr.setRepositoryPolicy(r -> r.repositoryName("policy").policyText("{}")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void shouldPageThroughRepositories() {
        EcrClient ecr = aws.ecr();
        for (int i = 0; i < 5; i++) {
            String name = "repo-" + i;
            ecr.createRepository(r -> r.repositoryName(name));
        }

        var first = ecr.describeRepositories(r -> r.maxResults(2));
        var all = ecr.describeRepositoriesPaginator(r -> r.maxResults(2)).repositories().stream()
                .map(Repository::repositoryName)
                .toList();

        assertThat(first.repositories()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        assertThat(all).containsExactly("repo-0", "repo-1", "repo-2", "repo-3", "repo-4");
    }

    @Test
    void shouldIssueTwelveHourTokensForTheEmbeddedRegistry() {
        var data = aws.ecr().getAuthorizationToken().authorizationData().get(0);

        String decoded = new String(java.util.Base64.getDecoder().decode(data.authorizationToken()));
        assertThat(decoded).startsWith("AWS:").hasSizeGreaterThan(20);
        assertThat(data.proxyEndpoint()).isEqualTo("http://" + aws.emulator().registryHost());
        assertThat(data.expiresAt())
                .isEqualTo(aws.emulator()
                        .now()
                        .plus(Duration.ofHours(12))
                        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
