package dev.mamori.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for reading JSON trees leniently: absent, null and non-text values read as null. */
final class Json {
    private Json() {}

    /** The text of a scalar field, or null when absent, null, blank or not a scalar. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    /** A number field as a double, or null. Numbers written as strings ({@code "7.5"}) are accepted. */
    static Double number(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static boolean bool(JsonNode node, String field, boolean otherwise) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isBoolean() ? otherwise : v.booleanValue();
    }

    /** The non-blank scalar texts of an array field (an absent field gives an empty list). */
    static List<String> texts(JsonNode node, String field) {
        JsonNode array = node == null ? null : node.get(field);
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(array.size());
        for (JsonNode v : array) {
            if (v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
                out.add(v.asText());
            }
        }
        return out;
    }

    /** The field as compact JSON text, or null when absent or null. */
    static String raw(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v.toString();
    }

    /** Iterates an array field; absent or non-array fields give nothing. */
    static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isArray() ? v : List.of();
    }
}
