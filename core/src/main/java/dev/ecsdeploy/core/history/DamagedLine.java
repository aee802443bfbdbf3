package dev.ecsdeploy.core.history;

import dev.ecsdeploy.core.history.HistoryJson.ParsedLine;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A journal line that could not be read, with where it was: what compaction keeps aside instead of dropping. */
record DamagedLine(long number, long start, ParsedLine parsed, byte[] bytes) {
    DamagedLine(long number, long start, ParsedLine parsed, byte[] bytes, int offset, int length) {
        this(number, start, parsed, Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /**
     * The line as kept in the file of damaged lines: its text when it is UTF-8, else its bytes in base64, so that
     * it can be restored exactly.
     */
    Map<String, Object> keptAside(String journal, Instant keptAt) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("keptAt", keptAt.toString());
        kept.put("journal", journal);
        kept.put("line", number);
        kept.put("byteOffset", start);
        kept.put("problem", parsed.description());
        try {
            kept.put(
                    "text",
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString());
        } catch (CharacterCodingException e) {
            kept.put("base64", Base64.getEncoder().encodeToString(bytes));
        }
        return kept;
    }
}
