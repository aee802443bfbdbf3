package dev.ecsdeploy.core.report;

import java.util.List;

/** Fills the page template's slots, each exactly once and in order. */
final class Template {
    record Slot(String marker, String value) {}

    private Template() {}

    static String fill(String template, List<Slot> slots) {
        var page = new StringBuilder(template.length()
                + slots.stream().mapToInt(s -> s.value().length()).sum());
        int from = 0;
        for (Slot slot : slots) {
            int at = template.indexOf(slot.marker(), from);
            if (at < 0) {
                throw new IllegalStateException("report template is broken: " + slot.marker() + " not found in order");
            }
            page.append(template, from, at).append(slot.value());
            from = at + slot.marker().length();
        }
        return page.append(template, from, template.length()).toString();
    }

    static String escapeHtml(String text) {
        var escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
