package io.jenkins.plugins.ecsdeploy.freestyle;

import hudson.EnvVars;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Locale;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Copies a step the way Jenkins' data binding builds one, through its {@link DataBoundConstructor} and
 * {@link DataBoundSetter}s, with {@code ${VARIABLE}} references in its text fields replaced from the build's
 * environment. The configured step is never changed, so the job's configuration keeps the references.
 */
final class StepCopies {
    private StepCopies() {}

    @SuppressWarnings("unchecked")
    static <S> S expanded(S step, EnvVars env) {
        try {
            Constructor<?> constructor = boundConstructor(step.getClass());
            Object[] arguments = Arrays.stream(constructor.getParameters())
                    .map(parameter -> expand(read(step, parameter.getName()), env))
                    .toArray();
            S copy = (S) constructor.newInstance(arguments);
            for (Method setter : step.getClass().getMethods()) {
                if (setter.isAnnotationPresent(DataBoundSetter.class) && !Modifier.isStatic(setter.getModifiers())) {
                    Object value = expand(read(step, property(setter)), env);
                    if (value != null) {
                        setter.invoke(copy, value);
                    }
                }
            }
            return copy;
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + step.getClass().getSimpleName(), e);
        }
    }

    static Constructor<?> boundConstructor(Class<?> type) {
        return Arrays.stream(type.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(type + " has no @DataBoundConstructor"));
    }

    static String property(Method setter) {
        String name = setter.getName().substring(3);
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    private static Object read(Object step, String property) {
        String suffix = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
        try {
            Method getter;
            try {
                getter = step.getClass().getMethod("get" + suffix);
            } catch (NoSuchMethodException e) {
                getter = step.getClass().getMethod("is" + suffix);
            }
            return getter.invoke(step);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no getter for " + property + " in " + step.getClass(), e);
        }
    }

    private static Object expand(Object value, EnvVars env) {
        return value instanceof String text && env != null ? env.expand(text) : value;
    }
}
