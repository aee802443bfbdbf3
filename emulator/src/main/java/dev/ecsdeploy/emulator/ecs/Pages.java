package dev.ecsdeploy.emulator.ecs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** List pagination with opaque nextToken values, as every ECS List* operation pages. */
final class Pages {
    private Pages() {}

    record Page<T>(List<T> items, String nextToken) {}

    static <T> Page<T> page(List<T> all, EcsInput input, int defaultSize, int maxSize) {
        int size = input.integer("maxResults", defaultSize, 1, maxSize);
        int start = input.string("nextToken").map(Pages::decode).orElse(0);
        int end = Math.min(all.size(), start + size);
        List<T> items = start >= all.size() ? List.of() : all.subList(start, end);
        return new Page<>(items, end < all.size() ? encode(end) : null);
    }

    private static String encode(int offset) {
        return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        try {
            String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            return Integer.parseInt(text.substring("offset:".length()));
        } catch (RuntimeException e) {
            throw EcsErrors.invalidParameter("Invalid nextToken.");
        }
    }
}
