package dev.mamori.sbom;

import dev.mamori.input.InputException;
import dev.mamori.purl.Purl;
import dev.mamori.purl.PurlException;
import java.util.ArrayList;
import java.util.List;

/** What every reader shares while reading one document: its source name and the warnings so far. */
final class ReadContext {
    final String source;
    final List<String> warnings = new ArrayList<>();

    ReadContext(String source) {
        this.source = source;
    }

    InputException error(String location, String reason) {
        return new InputException(source, location, reason);
    }

    void warn(String location, String message) {
        warnings.add(location == null || location.isEmpty() ? message : location + ": " + message);
    }

    /** Parses a purl; an invalid one is a warning, and null comes back. */
    Purl purl(String text, String location) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Purl.parse(text);
        } catch (PurlException e) {
            warn(location, "invalid purl '" + text + "': " + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            warn(location, "invalid purl '" + text + "': " + e);
            return null;
        }
    }

    /** Parses a number in 0..1 (an evidence confidence); anything else is a warning and null. */
    Double confidence(String text, String location) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.trim());
            if (d >= 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        warn(location, "confidence '" + text + "' is not a number from 0 to 1");
        return null;
    }
}
