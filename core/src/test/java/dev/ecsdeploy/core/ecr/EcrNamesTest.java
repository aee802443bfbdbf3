package dev.ecsdeploy.core.ecr;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ECR's naming rules, checked before anything runs. */
class EcrNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"web", "team/web", "a1", "my.repo_name-x/sub/path", "ab"})
    void shouldAcceptValidRepositoryNames(String name) {
        assertThatCode(() -> EcrNames.requireRepositoryName(name)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Web", "team//web", "/web", "web/", "web..x", "-web", "we b"})
    void shouldRejectInvalidRepositoryNames(String name) {
        assertThatThrownBy(() -> EcrNames.requireRepositoryName(name))
                .hasMessageStartingWith("invalid repository name '" + name + "': ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "1.4.2", "v1_2-rc.3", "A"})
    void shouldAcceptValidTags(String tag) {
        assertThatCode(() -> EcrNames.requireTags(List.of(tag))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-x", ".x", "a b", "tag:1", "é"})
    void shouldRejectInvalidTags(String tag) {
        assertThatThrownBy(() -> EcrNames.requireTags(List.of(tag)))
                .hasMessageStartingWith("invalid tag '" + tag + "': ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901", "abcdefabcdef", "1234567890123"})
    void shouldRejectRegistryIdsThatAreNotAccountIds(String registryId) {
        assertThatThrownBy(() -> EcrNames.requireRegistryId(registryId))
                .hasMessageStartingWith("invalid registry id '" + registryId + "': ");
    }

    @org.junit.jupiter.api.Test
    void shouldRejectAnEmptyTagListAndOverlongTags() {
        assertThatThrownBy(() -> EcrNames.requireTags(List.of())).hasMessageStartingWith("no tag to push: ");
        assertThatThrownBy(() -> EcrNames.requireTag("x".repeat(129))).hasMessageContaining("1-128");
    }
}
