package dev.ecsdeploy.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecDiffTest {
    private static final String OLD_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.2";
    private static final String NEW_IMAGE =
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    @Test
    void shouldShowChangesByContainerAndVariableName() {
        TaskDefinitionSpec before =
                TaskDefinitionSpec.fromJson(TaskDefinitionSpecTest.fixture(), Map.of("ENV", "p", "IMAGE", OLD_IMAGE));
        TaskDefinitionSpec after = before.withImage(NEW_IMAGE, java.util.List.of("web"))
                .withEnvironment("web", "LOG_LEVEL", "debug")
                .withEnvironment("sidecar", "MODE", "fast");

        SpecDiff diff = SpecDiff.between(before.json(), after.json());

        assertThat(diff.changes())
                .extracting(SpecDiff.Change::toString)
                .containsExactly(
                        "~ containerDefinitions[web].image: \"" + OLD_IMAGE + "\" → \"" + NEW_IMAGE + "\"",
                        "~ containerDefinitions[web].environment[LOG_LEVEL].value: \"info\" → \"debug\"",
                        "+ containerDefinitions[sidecar].environment: [{\"name\":\"MODE\",\"value\":\"fast\"}]");
    }

    @Test
    void shouldReportNoChangesForEqualDocuments() {
        TaskDefinitionSpec spec =
                TaskDefinitionSpec.fromJson(TaskDefinitionSpecTest.fixture(), Map.of("ENV", "p", "IMAGE", OLD_IMAGE));

        assertThat(SpecDiff.between(spec.json(), spec.json()).render()).isEqualTo("no changes");
    }

    @Test
    void shouldParseImageReferences() {
        assertThat(ImageName.parse("127.0.0.1:4599/web:1.0"))
                .isEqualTo(new ImageName("127.0.0.1:4599", "web", "1.0", null));
        assertThat(ImageName.parse("nginx")).isEqualTo(new ImageName("", "nginx", null, null));
        assertThat(ImageName.parse(
                                "a.io/team/web:1@sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")
                        .withDigest("sha256:00")
                        .toString())
                .isEqualTo("a.io/team/web@sha256:00");
    }
}
