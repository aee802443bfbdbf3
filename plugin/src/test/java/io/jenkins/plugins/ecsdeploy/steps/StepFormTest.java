package io.jenkins.plugins.ecsdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Stream;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What Jenkins' data binding and the Snippet Generator rely on, checked without Jenkins: every step is built from
 * its compiled constructor parameter names and its setters, and its getters give the values back; every field has a
 * help file and a config.jelly entry; the Jelly escapes by default and holds no script; the descriptor's function
 * name is the symbol.
 */
class StepFormTest {
    static Stream<Class<? extends Step>> steps() {
        return Stream.of(
                EcsDeployRollingStep.class,
                EcsDeployCanaryStep.class,
                EcsRunTaskStep.class,
                EcsRollbackStep.class,
                EcrPromoteStep.class,
                EcrBuildPushStep.class,
                WithEcsEnvironmentStep.class);
    }

    @ParameterizedTest
    @MethodSource("steps")
    void shouldGiveBackEveryBoundValueThroughItsGetter(Class<? extends Step> type) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        Constructor<?> constructor = boundConstructor(type);
        List<Object> arguments = new ArrayList<>();
        for (Parameter parameter : constructor.getParameters()) {
            assertThat(parameter.isNamePresent())
                    .as("compiled with -parameters")
                    .isTrue();
            Object value = sample(parameter.getName(), parameter.getType());
            values.put(parameter.getName(), value);
            arguments.add(value);
        }
        Object step = constructor.newInstance(arguments.toArray());
        for (Method setter : setters(type)) {
            String field = field(setter);
            Object value = sample(field, setter.getParameterTypes()[0]);
            setter.invoke(step, value);
            values.put(field, value);
        }

        for (Map.Entry<String, Object> entry : values.entrySet()) {
            assertThat(getter(type, entry.getKey()).invoke(step))
                    .as(type.getSimpleName() + "." + entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }

    @ParameterizedTest
    @MethodSource("steps")
    void shouldHaveAHelpFileAndAFormEntryForEveryField(Class<? extends Step> type) throws IOException {
        String jelly = resource(type, "config.jelly");
        for (String field : fields(type)) {
            assertThat(resource(type, "help-" + field + ".html"))
                    .as("help-" + field)
                    .contains("<div>");
            assertThat(jelly).as("config.jelly entry of " + field).contains("field=\"" + field + "\"");
        }
    }

    @ParameterizedTest
    @MethodSource("steps")
    void shouldEscapeByDefaultAndCarryNoScript(Class<? extends Step> type) throws IOException {
        String jelly = resource(type, "config.jelly");

        assertThat(jelly).startsWith("<?jelly escape-by-default='true'?>");
        assertThat(jelly).doesNotContainIgnoringCase("<script").doesNotContainPattern("\\son[a-z]+=");
    }

    @ParameterizedTest
    @MethodSource("steps")
    void shouldNameTheStepByItsSymbol(Class<? extends Step> type) throws Exception {
        Class<?> descriptor = Arrays.stream(type.getDeclaredClasses())
                .filter(StepDescriptor.class::isAssignableFrom)
                .findFirst()
                .orElseThrow();
        StepDescriptor instance = (StepDescriptor) descriptor.getConstructor().newInstance();

        assertThat(descriptor.getAnnotation(Symbol.class).value()).containsExactly(instance.getFunctionName());
        assertThat(instance.getDisplayName()).isNotBlank();
        assertThat(instance.getRequiredContext()).isNotEmpty();
    }

    static List<String> fields(Class<?> type) {
        List<String> fields = new ArrayList<>();
        Arrays.stream(boundConstructor(type).getParameters()).forEach(p -> fields.add(p.getName()));
        setters(type).forEach(setter -> fields.add(field(setter)));
        return fields;
    }

    private static Constructor<?> boundConstructor(Class<?> type) {
        return Arrays.stream(type.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .findFirst()
                .orElseThrow();
    }

    private static List<Method> setters(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.isAnnotationPresent(DataBoundSetter.class))
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .toList();
    }

    private static String field(Method setter) {
        String name = setter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
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
            case "whenBusy" -> "fail";
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
