package io.jenkins.plugins.ecsdeploy.freestyle;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.tasks.Builder;
import io.jenkins.plugins.ecsdeploy.steps.EcrBuildPushStep;
import io.jenkins.plugins.ecsdeploy.steps.EcrPromoteStep;
import io.jenkins.plugins.ecsdeploy.steps.EcsDeployCanaryStep;
import io.jenkins.plugins.ecsdeploy.steps.EcsDeployRollingStep;
import io.jenkins.plugins.ecsdeploy.steps.EcsRunTaskStep;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jenkinsci.Symbol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What Jenkins' data binding relies on, checked the way Stapler binds a form, without Jenkins: every build step is
 * built from its compiled constructor parameter names and its setters and gives every value back; it has exactly
 * the fields of its pipeline step, with the same defaults, and an untouched form binds to those defaults; every
 * field has help and a form entry; the Jelly escapes by default and holds no script.
 */
class FreestyleFormTest {
    private static final Pattern FORM_DEFAULT =
            Pattern.compile("<f:entry field=\"(\\w+)\"[^>]*>\\s*<f:\\w+ default=\"([^\"]*)\"/>");

    static Stream<Arguments> builders() {
        return Stream.of(
                Arguments.of(EcrBuildPushBuilder.class, EcrBuildPushStep.class),
                Arguments.of(EcrPromoteBuilder.class, EcrPromoteStep.class),
                Arguments.of(EcsDeployRollingBuilder.class, EcsDeployRollingStep.class),
                Arguments.of(EcsDeployCanaryBuilder.class, EcsDeployCanaryStep.class),
                Arguments.of(EcsRunTaskBuilder.class, EcsRunTaskStep.class));
    }

    @ParameterizedTest
    @MethodSource("builders")
    void shouldGiveBackEveryBoundValueThroughItsGetter(Class<?> builder, Class<?> step) throws Exception {
        Map<String, Object> bound = new LinkedHashMap<>();
        Object instance = construct(builder, bound);
        for (Method setter : setters(builder)) {
            String field = field(setter);
            Object value = sample(field, setter.getParameterTypes()[0]);
            setter.invoke(instance, value);
            bound.put(field, value);
        }

        for (Map.Entry<String, Object> entry : bound.entrySet()) {
            assertThat(getter(builder, entry.getKey()).invoke(instance))
                    .as(builder.getSimpleName() + "." + entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }

    @ParameterizedTest
    @MethodSource("builders")
    void shouldKeepEveryValueThroughTheJobsConfigXml(Class<?> builder, Class<?> step) throws Exception {
        Map<String, Object> bound = new LinkedHashMap<>();
        Object instance = construct(builder, bound);
        for (Method setter : setters(builder)) {
            Object value = sample(field(setter), setter.getParameterTypes()[0]);
            setter.invoke(instance, value);
            bound.put(field(setter), value);
        }

        String xml = xstream().toXML(instance);
        Object restored = xstream().fromXML(xml);

        for (String field : bound.keySet()) {
            assertThat(getter(builder, field).invoke(restored))
                    .as(builder.getSimpleName() + "." + field + " after config.xml")
                    .isEqualTo(bound.get(field));
        }
    }

    @org.junit.jupiter.api.Test
    void shouldKeepTheVariablesThroughTheBuildXml() {
        FakeBuild.FakeRun run = new FakeBuild.FakeRun();
        EcsBuildVariables.contribute(run, Map.of("IMAGE_URI", "r/web@sha256:1", "IMAGE_TAG", "7"));
        EcsBuildVariables.contribute(run, Map.of("IMAGE_TAG", "8"));

        EcsBuildVariables restored =
                (EcsBuildVariables) xstream().fromXML(xstream().toXML(run.getAction(EcsBuildVariables.class)));

        assertThat(run.getActions()).hasSize(1);
        assertThat(restored.getVariables())
                .containsExactlyInAnyOrderEntriesOf(Map.of("IMAGE_URI", "r/web@sha256:1", "IMAGE_TAG", "8"));
    }

    private static com.thoughtworks.xstream.XStream xstream() {
        com.thoughtworks.xstream.XStream xstream = new com.thoughtworks.xstream.XStream();
        xstream.addPermission(com.thoughtworks.xstream.security.AnyTypePermission.ANY);
        return xstream;
    }

    @ParameterizedTest
    @MethodSource("builders")
    void shouldHaveExactlyThePipelineStepsFieldsAndTypes(Class<?> builder, Class<?> step) {
        assertThat(signature(builder)).isEqualTo(signature(step));
    }

    @ParameterizedTest
    @MethodSource("builders")
    void shouldStartWithThePipelineStepsDefaultsForEveryOmittedField(Class<?> builder, Class<?> step) throws Exception {
        Object freshBuilder = construct(builder, new LinkedHashMap<>());
        Object freshStep = construct(step, new LinkedHashMap<>());

        for (String field : fields(step)) {
            assertThat(getter(builder, field).invoke(freshBuilder))
                    .as(builder.getSimpleName() + "." + field)
                    .isEqualTo(getter(step, field).invoke(freshStep));
        }
    }

    @ParameterizedTest
    @MethodSource("builders")
    void shouldBindAnUntouchedFormToTheDefaults(Class<?> builder, Class<?> step) throws Exception {
        Object fresh = construct(builder, new LinkedHashMap<>());
        String jelly = resource(builder, "config.jelly");
        Matcher defaults = FORM_DEFAULT.matcher(jelly);

        int checked = 0;
        while (defaults.find()) {
            assertThat(String.valueOf(getter(builder, defaults.group(1)).invoke(fresh)))
                    .as("form default of " + defaults.group(1))
                    .isEqualTo(defaults.group(2));
            checked++;
        }
        assertThat(checked).isEqualTo(jelly.split(" default=\"", -1).length - 1);
    }

    @ParameterizedTest
    @MethodSource("builders")
    void shouldHaveHelpAndAFormEntryForEveryField(Class<?> builder, Class<?> step) throws IOException {
        String jelly = resource(builder, "config.jelly");

        assertThat(resource(builder, "help.html")).contains("<li><code>");
        for (String field : fields(builder)) {
            assertThat(resource(builder, "help-" + field + ".html"))
                    .as("help-" + field)
                    .contains("<div>");
            assertThat(jelly).as("config.jelly entry of " + field).contains("field=\"" + field + "\"");
        }
    }

    @ParameterizedTest
    @MethodSource("builders")
    void shouldEscapeByDefaultAndCarryNoScript(Class<?> builder, Class<?> step) throws IOException {
        String jelly = resource(builder, "config.jelly");

        assertThat(jelly).startsWith("<?jelly escape-by-default='true'?>");
        assertThat(jelly).doesNotContainIgnoringCase("<script").doesNotContainPattern("\\son[a-z]+=");
    }

    @ParameterizedTest
    @MethodSource("builders")
    void shouldRegisterADescriptorForEveryProjectTypeWithoutASymbol(Class<?> builder, Class<?> step) throws Exception {
        Class<?> descriptor = Arrays.stream(builder.getDeclaredClasses())
                .filter(EcsBuilderDescriptor.class::isAssignableFrom)
                .findFirst()
                .orElseThrow();
        EcsBuilderDescriptor instance =
                (EcsBuilderDescriptor) descriptor.getConstructor().newInstance();

        assertThat(descriptor.isAnnotationPresent(Extension.class)).isTrue();
        assertThat(descriptor.isAnnotationPresent(Symbol.class))
                .as("a symbol would shadow the pipeline step's name")
                .isFalse();
        assertThat(instance.clazz).isEqualTo(builder);
        assertThat(instance.isApplicable(AbstractProject.class)).isTrue();
        assertThat(instance.getDisplayName()).isNotBlank();
        assertThat(Builder.class).isAssignableFrom(builder);
    }

    /** Builds {@code type} as Stapler does: constructor arguments by their compiled names; records what it gave. */
    private static Object construct(Class<?> type, Map<String, Object> bound) throws Exception {
        Constructor<?> constructor = StepCopies.boundConstructor(type);
        List<Object> arguments = new ArrayList<>();
        for (Parameter parameter : constructor.getParameters()) {
            assertThat(parameter.isNamePresent())
                    .as("compiled with -parameters")
                    .isTrue();
            Object value = sample(parameter.getName(), parameter.getType());
            bound.put(parameter.getName(), value);
            arguments.add(value);
        }
        return constructor.newInstance(arguments.toArray());
    }

    private static Map<String, Class<?>> signature(Class<?> type) {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        for (Parameter parameter : StepCopies.boundConstructor(type).getParameters()) {
            fields.put("constructor " + parameter.getName(), parameter.getType());
        }
        setters(type).forEach(setter -> fields.put(field(setter), setter.getParameterTypes()[0]));
        return Map.copyOf(fields);
    }

    private static List<String> fields(Class<?> type) {
        List<String> fields = new ArrayList<>();
        Arrays.stream(StepCopies.boundConstructor(type).getParameters()).forEach(p -> fields.add(p.getName()));
        setters(type).forEach(setter -> fields.add(field(setter)));
        return fields;
    }

    private static List<Method> setters(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.isAnnotationPresent(DataBoundSetter.class))
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .toList();
    }

    private static String field(Method setter) {
        return StepCopies.property(setter);
    }

    private static Method getter(Class<?> type, String field) throws NoSuchMethodException {
        String suffix = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        try {
            return type.getMethod("get" + suffix);
        } catch (NoSuchMethodException e) {
            return type.getMethod("is" + suffix);
        }
    }

    /** A value a user could give, in the form the setter keeps (choices in their canonical spelling). */
    private static Object sample(String field, Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return !List.of("wait", "streamLogs").contains(field);
        }
        if (type == Integer.class || type == int.class) {
            return 7;
        }
        if (type == Double.class) {
            return 12.5;
        }
        return switch (field) {
            case "onTimeout", "onAbort" -> "leave";
            case "pauseTimeoutAction" -> "continue";
            case "whenBusy" -> "wait";
            case "strategy" -> "blueGreen";
            default -> "value-of-" + field;
        };
    }

    private static String resource(Class<?> type, String name) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + "/" + name)) {
            assertThat(in).as(type.getSimpleName() + "/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
