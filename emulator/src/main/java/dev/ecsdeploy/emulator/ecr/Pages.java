package dev.ecsdeploy.emulator.ecr;

import dev.ecsdeploy.emulator.http.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque nextToken pagination over an ordered list: the token encodes the offset of the next page. */
final class Pages {
    private Pages() {}

    /** One page of items and the token for the next page, or null when this is the last one. */
    record Page<T>(List<T> items, String nextToken) {}

    static <T> Page<T> page(List<T> all, String token, int maxResults) {
        int from = offset(token);
        if (from > all.size()) {
            throw AwsException.invalidParameter("Invalid parameter at 'nextToken': the token is not valid");
        }
        int to = Math.min(all.size(), from + maxResults);
        String next = to < all.size() ? encode(to) : null;
        return new Page<>(List.copyOf(all.subList(from, to)), next);
    }

    private static int offset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return Integer.parseInt(decoded.substring("offset:".length()));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw AwsException.invalidParameter("Invalid parameter at 'nextToken': the token is not valid");
        }
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }
}
