package dev.mamori.app.server;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON kept as text in the store (evidence, assessments, risk profiles), as JSON again in API answers. */
@Component
public final class JsonText {
    private final JsonMapper json;

    public JsonText(JsonMapper json) {
        this.json = json;
    }

    /** The stored text as a tree, or null. */
    public JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalStateException("stored JSON is not valid: " + e.getOriginalMessage(), e);
        }
    }

    public String text(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    public JsonMapper mapper() {
        return json;
    }
}
