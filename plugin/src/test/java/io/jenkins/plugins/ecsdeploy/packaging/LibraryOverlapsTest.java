package io.jenkins.plugins.ecsdeploy.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.ecsdeploy.packaging.LibraryOverlaps.Explanations;
import io.jenkins.plugins.ecsdeploy.packaging.LibraryOverlaps.Library;
import io.jenkins.plugins.ecsdeploy.packaging.LibraryOverlaps.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LibraryOverlapsTest {
    private static final Map<String, Provider> JENKINS = LibraryOverlaps.providers(List.of(
            "# header", "com.google.guava:guava 33.5.0-jre bom/pom.xml", "commons-io:commons-io 2.21.0 bom/pom.xml"));

    @Test
    void shouldFailOnABundledLibraryJenkinsAlsoShips() {
        List<Library> bundled = List.of(
                new Library("jib-core.jar", "com.google.cloud.tools:jib-core", "0.27.3"),
                new Library("commons-io.jar", "commons-io:commons-io", "2.15.1"));

        assertThat(LibraryOverlaps.problems(bundled, JENKINS, Explanations.parse(List.of())))
                .singleElement()
                .asString()
                .contains("commons-io.jar", "commons-io:commons-io 2.15.1", "2.21.0 bom/pom.xml", "that copy wins");
    }

    @Test
    void shouldPassAnOverlapThatIsExplained() {
        List<Library> bundled = List.of(new Library("commons-io.jar", "commons-io:commons-io", "2.15.1"));
        Explanations explanations = Explanations.parse(List.of("allow commons-io:commons-io we need 2.15 exactly"));

        assertThat(LibraryOverlaps.problems(bundled, JENKINS, explanations)).isEmpty();
        assertThat(explanations.allowed()).containsEntry("commons-io:commons-io", "we need 2.15 exactly");
    }

    @Test
    void shouldFailOnAJarWithoutCoordinatesUnlessItIsIdentified() {
        List<Library> bundled = List.of(new Library("mystery.jar", null, null));

        assertThat(LibraryOverlaps.problems(bundled, JENKINS, Explanations.parse(List.of())))
                .singleElement()
                .asString()
                .contains("mystery.jar has no META-INF/maven pom.properties");
        assertThat(LibraryOverlaps.problems(
                        bundled,
                        JENKINS,
                        Explanations.parse(List.of("identify mystery.jar org.example:mystery built with Gradle"))))
                .isEmpty();
    }

    @Test
    void shouldCheckAnIdentifiedJarForOverlapsToo() {
        List<Library> bundled = List.of(new Library("guava-repack.jar", null, null));
        Explanations explanations =
                Explanations.parse(List.of("identify guava-repack.jar com.google.guava:guava no metadata"));

        assertThat(LibraryOverlaps.problems(bundled, JENKINS, explanations))
                .singleElement()
                .asString()
                .contains("guava-repack.jar (com.google.guava:guava", "33.5.0-jre");
    }

    @Test
    void shouldFailOnAnExplanationThatNoLongerApplies() {
        Explanations explanations = Explanations.parse(List.of("allow com.google.guava:guava once bundled"));

        assertThat(LibraryOverlaps.problems(List.of(), JENKINS, explanations))
                .containsExactly("stale explanation: com.google.guava:guava overlaps nothing bundled");
    }

    @Test
    void shouldRefuseAnExplanationWithoutAReason() {
        assertThatThrownBy(() -> Explanations.parse(List.of("allow commons-io:commons-io")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadTheRecordedListsWithTheLibrariesThatMatterForJib() throws IOException {
        Map<String, Provider> jenkins = LibraryOverlaps.providers(resource("jenkins-core-libraries.txt"));
        Map<String, Provider> plugins = LibraryOverlaps.providers(resource("plugin-libraries.txt"));

        assertThat(jenkins.get("com.google.guava:guava").detail()).startsWith("33.5.0-jre");
        assertThat(jenkins.get("commons-io:commons-io").detail()).startsWith("2.21.0");
        assertThat(jenkins).doesNotContainKey("org.apache.commons:commons-compress");
        assertThat(plugins)
                .containsKeys(
                        "software.amazon.awssdk:apache-client",
                        "com.fasterxml.jackson.core:jackson-databind",
                        "org.apache.httpcomponents:httpclient");
    }

    static List<String> resource(String name) throws IOException {
        try (InputStream in = LibraryOverlapsTest.class.getResourceAsStream("/packaging/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
