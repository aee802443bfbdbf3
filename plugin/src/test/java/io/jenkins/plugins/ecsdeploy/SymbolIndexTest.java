package io.jenkins.plugins.ecsdeploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

/**
 * The {@code @Symbol} index is written by hand (annotation-indexer's processor is not available to this build; see
 * docs/design/0010-plugin-packaging.md), so this test holds it to the code: a class gaining or losing a
 * {@code @Symbol} must be added to or removed from {@code src/main/resources/META-INF/annotations/org.jenkinsci.Symbol}.
 */
class SymbolIndexTest {
    static final String INDEX = "META-INF/annotations/org.jenkinsci.Symbol";

    @Test
    void shouldListExactlyTheClassesAnnotatedWithSymbol() throws IOException {
        List<String> annotated = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.jenkins.plugins.ecsdeploy")
                        .stream()
                        .filter(javaClass -> javaClass.isAnnotatedWith(Symbol.class))
                        .map(JavaClass::getName)
                        .sorted()
                        .toList();

        assertThat(annotated).isNotEmpty();
        assertThat(indexedNames()).containsExactlyElementsOf(annotated);
    }

    private static List<String> indexedNames() throws IOException {
        try (InputStream in = SymbolIndexTest.class.getClassLoader().getResourceAsStream(INDEX)) {
            assertThat(in).as(INDEX).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\n"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .sorted()
                    .toList();
        }
    }
}
