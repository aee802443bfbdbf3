package dev.ecsdeploy.core.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * Escapes the characters that could end a {@code <script>} element or start markup ({@code < > &}), plus the line
 * separators older JavaScript parsers reject, so JSON embedded in a page cannot break out of it.
 */
final class HtmlSafeEscapes extends CharacterEscapes {
    private final int[] escapes;

    HtmlSafeEscapes() {
        escapes = standardAsciiEscapesForJSON();
        escapes['<'] = ESCAPE_STANDARD;
        escapes['>'] = ESCAPE_STANDARD;
        escapes['&'] = ESCAPE_STANDARD;
        escapes['\''] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch == 0x2028 || ch == 0x2029) {
            return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
        }
        return null;
    }
}
