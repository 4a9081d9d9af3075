package dev.mamori.advisory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;

/**
 * JSON lines ({@code .jsonl}): one JSON object per line, parsed from the bytes as they stream in (no line is copied
 * into a string). Blank lines are skipped; errors name the line.
 */
final class JsonLines {
    private JsonLines() {}

    interface Handler {
        /** Receives one record and {@code "line N "}, the prefix for JSON pointers in its errors. */
        void record(JsonNode node, String where);
    }

    static void read(InputStream in, String source, String what, Handler handler) throws IOException {
        try (JsonParser p = JsonInput.parser(in)) {
            int previousEnd = 0;
            while (true) {
                JsonToken token;
                try {
                    token = p.nextToken();
                } catch (JsonProcessingException e) {
                    throw error(source, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e);
                }
                if (token == null) {
                    return;
                }
                int line = p.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    throw new InputException(source, "line " + line, what + " is a JSON object");
                }
                if (line == previousEnd) {
                    throw new InputException(source, "line " + line, "more than one JSON value on the line");
                }
                JsonNode node;
                try {
                    node = JsonInput.mapper().readTree(p);
                } catch (JsonProcessingException e) {
                    throw error(source, line, e);
                }
                previousEnd = p.currentLocation().getLineNr();
                handler.record(node, "line " + line + " ");
            }
        }
    }

    private static InputException error(String source, int line, JsonProcessingException e) {
        return new InputException(source, "line " + line, JsonInput.error(source, e).reason(), e);
    }
}
