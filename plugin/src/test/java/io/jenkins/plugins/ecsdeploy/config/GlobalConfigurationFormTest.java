package io.jenkins.plugins.ecsdeploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/** Every setting of the global configuration has a form entry, a help file, and a getter Jelly can read back. */
class GlobalConfigurationFormTest {
    private static final String PAGE = "EcsDeployGlobalConfiguration/";

    private static List<String> settings() {
        return Arrays.stream(EcsDeployGlobalConfiguration.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(DataBoundSetter.class))
                .map(Method::getName)
                .map(name -> Character.toLowerCase(name.charAt(3)) + name.substring(4))
                .sorted()
                .toList();
    }

    @Test
    void shouldOfferEverySettingInTheFormAndNothingElse() throws IOException {
        Matcher fields = Pattern.compile("field=\"(\\w+)\"").matcher(resource(PAGE + "config.jelly"));
        List<String> inForm =
                fields.results().map(match -> match.group(1)).sorted().toList();

        assertThat(settings()).hasSize(7);
        assertThat(inForm).containsExactlyElementsOf(settings());
    }

    @Test
    void shouldExplainEverySetting() {
        assertThat(settings())
                .allSatisfy(field -> assertThat(
                                GlobalConfigurationFormTest.class.getResource(PAGE + "help-" + field + ".html"))
                        .as("help-" + field + ".html")
                        .isNotNull());
    }

    @Test
    void shouldReadEverySettingBack() {
        assertThat(settings()).allSatisfy(field -> {
            String property = Character.toUpperCase(field.charAt(0)) + field.substring(1);
            boolean readable = Arrays.stream(EcsDeployGlobalConfiguration.class.getMethods())
                    .anyMatch(method -> method.getName().equals("get" + property)
                            || method.getName().equals("is" + property));
            assertThat(readable).as("getter for " + field).isTrue();
        });
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GlobalConfigurationFormTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
