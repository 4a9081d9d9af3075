package dev.mamori.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one place where Mamori's JSON readers get their Jackson factory, with limits against hostile input,
 * and where Jackson's errors become {@link InputException}s that name the file and the place.
 */
public final class JsonInput {
    /** Largest single string value accepted (a licence text or an advisory's details stay far below this). */
    static final int MAX_STRING_LENGTH = 20_000_000;
    /** Deepest nesting accepted; real SBOMs nest components a few dozen levels at most. */
    static final int MAX_NESTING_DEPTH = 500;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(1000)
                    .build())
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private JsonInput() {}

    public static JsonFactory factory() {
        return FACTORY;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Opens a streaming parser over the stream, skipping a UTF-8 byte order mark if there is one. */
    public static JsonParser parser(InputStream in) throws IOException {
        return FACTORY.createParser(Utf8.skipByteOrderMark(in));
    }

    /**
     * Reads one whole JSON document as a tree; the document must end after its root value.
     *
     * @throws InputException naming {@code source} and the line and column of the first error
     */
    public static JsonNode readTree(InputStream in, String source) {
        try (JsonParser parser = parser(in)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null) {
                throw new InputException(source, "", "empty document, expected JSON");
            }
            if (parser.nextToken() != null) {
                throw new InputException(source, where(parser.currentTokenLocation()),
                        "unexpected content after the end of the JSON document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw error(source, e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** Turns a Jackson error into an {@link InputException} with {@code line:column} and, where known, the JSON path. */
    public static InputException error(String source, JsonProcessingException e) {
        String location = where(e.getLocation());
        String path = "";
        if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
            path = p.getParsingContext().pathAsPointer().toString();
        }
        String reason = e.getOriginalMessage();
        if (reason != null) {
            reason = reason.lines().findFirst().orElse(reason);
        }
        if (!path.isEmpty()) {
            location = location.isEmpty() ? path : location + " (" + path + ")";
        }
        return new InputException(source, location, "malformed JSON: " + reason, e);
    }

    /** {@code line:column} of a Jackson location, or empty when unknown. */
    public static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
