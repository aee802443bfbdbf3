package dev.ecsdeploy.emulator.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Checks every response an SDK client unmarshals against the SDK's own model: no enum value the model does not know
 * (which the SDK turns into {@code UNKNOWN_TO_SDK_VERSION}) and no JSON member the model does not have (which the
 * SDK drops silently). {@link EmulatorClients} installs it on every client it builds, so every test that talks to
 * the emulator through them checks the emulator's answers; a violation fails the call with an
 * {@link AssertionError}, which no error handling in the code under test can swallow.
 */
public final class SdkModelConformance implements ExecutionInterceptor {
    /**
     * System property that turns the check off: for tests run on an older SDK than the emulator models (core's
     * {@code -Psdk-floor} pass), where members and values newer than that SDK are, as from AWS, legitimately unknown.
     */
    public static final String OFF = "ecsdeploy.emulator.sdkConformance.off";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExecutionAttribute<byte[]> RAW_BODY = new ExecutionAttribute<>("emulator.rawResponseBody");
    private static final String UNKNOWN = "UNKNOWN_TO_SDK_VERSION";
    private static final Map<Class<?>, Map<String, SdkField<?>>> FIELDS = new ConcurrentHashMap<>();

    @Override
    public Optional<InputStream> modifyHttpResponseContent(
            Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (body.isEmpty() || !isJson(context)) {
            return body;
        }
        try (InputStream in = body.get()) {
            byte[] bytes = in.readAllBytes();
            attributes.putAttribute(RAW_BODY, bytes);
            return Optional.of(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        SdkPojo response = context.response();
        JsonNode raw = null;
        byte[] bytes = attributes.getAttribute(RAW_BODY);
        if (bytes != null && bytes.length > 0) {
            try {
                raw = JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("the emulator answered a body that is not JSON: " + e.getMessage(), e);
            }
        }
        List<String> violations = violations(response, raw);
        if (!violations.isEmpty()) {
            throw new AssertionError("the emulator's " + response.getClass().getSimpleName()
                    + " does not conform to the SDK's model: " + String.join("; ", violations));
        }
    }

    /** What in {@code response} (and in its raw JSON, when given) the SDK's model does not know. */
    public static List<String> violations(SdkPojo response, JsonNode raw) {
        List<String> violations = new ArrayList<>();
        walk("", response, raw, violations);
        return violations;
    }

    private static void walk(String path, Object value, JsonNode json, List<String> violations) {
        if (value instanceof SdkPojo pojo) {
            unknownEnums(path, pojo, violations);
            if (json != null && json.isObject()) {
                members(path, pojo, json, violations);
            } else {
                for (SdkField<?> field : pojo.sdkFields()) {
                    walk(path + "." + field.unmarshallLocationName(), field.getValueOrDefault(pojo), null, violations);
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(path + "[" + i + "]", list.get(i), json == null ? null : json.get(i), violations);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) ->
                    walk(path + "." + key, item, json == null ? null : json.get(String.valueOf(key)), violations));
        }
    }

    private static void members(String path, SdkPojo pojo, JsonNode json, List<String> violations) {
        Map<String, SdkField<?>> fields = FIELDS.get(pojo.getClass());
        if (fields == null) {
            fields = new HashMap<>();
            for (SdkField<?> field : pojo.sdkFields()) {
                fields.put(field.unmarshallLocationName(), field);
            }
            FIELDS.putIfAbsent(pojo.getClass(), fields);
        }
        Map<String, SdkField<?>> byName = fields;
        json.fields().forEachRemaining(member -> {
            SdkField<?> field = byName.get(member.getKey());
            String memberPath = path + "." + member.getKey();
            if (field == null) {
                violations.add(
                        memberPath + " is not a member of " + pojo.getClass().getSimpleName());
            } else {
                walk(memberPath, field.getValueOrDefault(pojo), member.getValue(), violations);
            }
        });
    }

    /** Every {@code xAsString()} / {@code xAsStrings()} twin of an enum getter, compared with the enum itself. */
    private static void unknownEnums(String path, SdkPojo pojo, List<String> violations) {
        for (EnumGetter getter : ENUM_GETTERS.get(pojo.getClass())) {
            Object typed = invoke(pojo, getter.typed());
            if (isUnknown(typed)) {
                violations.add(path + "." + getter.typed().getName() + " = " + invoke(pojo, getter.raw())
                        + " is not a value of " + enumName(typed));
            }
        }
    }

    /** An enum getter and its string twin, found once per model class (reflection on every response is slow). */
    private record EnumGetter(Method typed, Method raw) {}

    private static final ClassValue<List<EnumGetter>> ENUM_GETTERS = new ClassValue<>() {
        @Override
        protected List<EnumGetter> computeValue(Class<?> type) {
            List<EnumGetter> getters = new ArrayList<>();
            for (Method raw : type.getMethods()) {
                String name = raw.getName();
                if (raw.getParameterCount() != 0 || !(name.endsWith("AsString") || name.endsWith("AsStrings"))) {
                    continue;
                }
                try {
                    getters.add(new EnumGetter(type.getMethod(name.substring(0, name.lastIndexOf("AsString"))), raw));
                } catch (NoSuchMethodException e) {
                    // a member whose name merely ends in "AsString"; it has no enum twin to compare
                }
            }
            return List.copyOf(getters);
        }
    };

    private static boolean isUnknown(Object typed) {
        if (typed instanceof Enum<?> constant) {
            return constant.name().equals(UNKNOWN);
        }
        if (typed instanceof Collection<?> items) {
            return items.stream().anyMatch(SdkModelConformance::isUnknown);
        }
        if (typed instanceof Map<?, ?> map) {
            return map.keySet().stream().anyMatch(SdkModelConformance::isUnknown)
                    || map.values().stream().anyMatch(SdkModelConformance::isUnknown);
        }
        return false;
    }

    private static String enumName(Object typed) {
        if (typed instanceof Collection<?> items && !items.isEmpty()) {
            return enumName(items.iterator().next());
        }
        return typed == null ? "its enum" : typed.getClass().getSimpleName();
    }

    private static Object invoke(Object target, Method method) {
        try {
            return method.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot read " + method.getName() + " of "
                            + target.getClass().getName(),
                    e);
        }
    }

    private static boolean isJson(Context.ModifyHttpResponse context) {
        return context.httpResponse()
                .firstMatchingHeader("Content-Type")
                .map(type -> type.contains("json"))
                .orElse(false);
    }
}
