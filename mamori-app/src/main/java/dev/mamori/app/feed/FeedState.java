package dev.mamori.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What a sync remembers between runs, in {@code <mirror>/.feed-state.json} (hidden, so importing the mirror
 * directory skips it): per URL the validators for conditional requests ({@code ETag}, {@code Last-Modified}), and
 * per source its position ("cursor": watermarks, the NVD window and page in progress, …) and the outcome of its
 * last run. It is written atomically after every completed unit of work, so an interrupted run continues from
 * the last saved point.
 */
public final class FeedState {
    /** The state file's name inside the mirror directory. */
    public static final String FILE = ".feed-state.json";

    private final Path file;
    private final ObjectNode root;

    private FeedState(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Loads the state of a mirror directory; a mirror without one starts empty.
     *
     * @throws InputException when the state file exists but is not valid JSON
     */
    public static FeedState load(Path mirror) {
        Path file = mirror.resolve(FILE);
        if (!Files.exists(file)) {
            ObjectNode root = JsonInput.mapper().createObjectNode();
            root.put("version", 1);
            return new FeedState(file, root);
        }
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode node = JsonInput.readTree(in, file.toString());
            if (!(node instanceof ObjectNode object)) {
                throw new InputException(file.toString(), "", "not a feed state file (delete it to start over)");
            }
            return new FeedState(file, object);
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot read the feed state: " + e.getMessage(), e);
        }
    }

    /** When the source's last run ended, if it ran. */
    public synchronized Optional<Instant> lastRun(String source) {
        return instant(source, "lastRun");
    }

    /** When the source's last fully successful run ended. */
    public synchronized Optional<Instant> lastSuccess(String source) {
        return instant(source, "lastSuccess");
    }

    /** The error of the source's last run, if it failed. */
    public synchronized Optional<String> lastError(String source) {
        JsonNode n = root.path("sources").path(source).path("lastError");
        return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    }

    private Optional<Instant> instant(String source, String field) {
        JsonNode n = root.path("sources").path(source).path(field);
        return n.isTextual() ? Optional.ofNullable(FeedConfig.parseTime(n.asText())) : Optional.empty();
    }

    /** The validators kept for a URL. */
    record Validators(String etag, String lastModified) {
        boolean isEmpty() {
            return etag == null && lastModified == null;
        }
    }

    synchronized Validators validators(String url) {
        JsonNode n = root.path("urls").path(url);
        if (n.isMissingNode()) {
            return new Validators(null, null);
        }
        return new Validators(text(n, "etag"), text(n, "lastModified"));
    }

    synchronized void validators(String url, String etag, String lastModified) {
        ObjectNode urls = object(root, "urls");
        if (etag == null && lastModified == null) {
            urls.remove(url);
            return;
        }
        ObjectNode v = urls.putObject(url);
        if (etag != null) {
            v.put("etag", etag);
        }
        if (lastModified != null) {
            v.put("lastModified", lastModified);
        }
    }

    synchronized String cursor(String source, String key) {
        return text(root.path("sources").path(source).path("cursor"), key);
    }

    /** Sets (or with null removes) one cursor value. */
    synchronized void cursor(String source, String key, String value) {
        ObjectNode cursor = object(object(object(root, "sources"), source), "cursor");
        if (value == null) {
            cursor.remove(key);
        } else {
            cursor.put(key, value);
        }
    }

    /** Records the end of a source's run. */
    synchronized void finished(String source, Instant at, String error) {
        ObjectNode s = object(object(root, "sources"), source);
        s.put("lastRun", at.toString());
        if (error == null) {
            s.put("lastSuccess", at.toString());
            s.remove("lastError");
        } else {
            s.put("lastError", error);
        }
    }

    /** Writes the state file atomically. */
    synchronized void save() {
        try {
            MirrorFiles.write(file, JsonInput.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feed state " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText() : null;
    }
}
