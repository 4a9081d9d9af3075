package dev.mamori.vex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.purl.Purl;
import dev.mamori.purl.PurlException;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for reading VEX JSON. */
final class VexJson {
    private VexJson() {}

    /** A text field, or null when absent, null or blank. */
    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /** The elements of an array field (empty when absent or not an array). */
    static List<JsonNode> array(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    /** A package URL, or null when the text is not one. */
    static Purl purl(String text) {
        if (text == null || !text.regionMatches(true, 0, "pkg:", 0, 4)) {
            return null;
        }
        try {
            return Purl.parse(text);
        } catch (PurlException e) {
            return null;
        }
    }

    /** Whether the text looks like a CPE name (2.2 URI or 2.3 formatted string). */
    static boolean isCpe(String text) {
        return text != null && (text.startsWith("cpe:/") || text.startsWith("cpe:2.3:"));
    }
}
