package dev.mamori.advisory;

import dev.mamori.input.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads FIRST's daily EPSS CSV, plain or gzip: an optional first line {@code #model_version:…,score_date:…}, other
 * {@code #} comment lines (tolerated), the header {@code cve,epss,percentile} (or the oldest files' {@code cve,epss}),
 * then one row per CVE. A malformed row is refused naming its line.
 */
public final class EpssReader {
    private EpssReader() {}

    public static EpssHeader read(Path file, Consumer<EpssScore> sink) {
        try (InputStream in = Inputs.open(file)) {
            return read(in, file.toString(), sink);
        } catch (IOException e) {
            throw Inputs.ioError(file.toString(), "", e);
        }
    }

    /** Reads one EPSS file; gzip is recognised by content. */
    public static EpssHeader read(InputStream raw, String source, Consumer<EpssScore> sink) {
        try {
            InputStream in = Inputs.maybeGunzip(raw);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), Inputs.BUFFER);
            String model = null;
            String date = null;
            boolean sawModelLine = false;
            int columns = 0;
            int rows = 0;
            int n = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    if (line.startsWith("#model_version:")) {
                        if (columns > 0) {
                            throw new InputException(source, "line " + n, "the model version line must come before the header");
                        }
                        sawModelLine = true;
                        for (String part : line.substring(1).split(",")) {
                            int colon = part.indexOf(':');
                            if (colon < 0) {
                                continue;
                            }
                            String key = part.substring(0, colon).strip();
                            String value = part.substring(colon + 1).strip();
                            if (key.equals("model_version")) {
                                model = value;
                            } else if (key.equals("score_date")) {
                                date = value;
                            }
                        }
                        if (model == null || model.isEmpty() || date == null || date.isEmpty()) {
                            throw new InputException(source, "line " + n,
                                    "EPSS header line needs model_version and score_date: " + line);
                        }
                    }
                    continue;
                }
                if (columns == 0) {
                    String header = line.strip();
                    if (header.equals("cve,epss,percentile")) {
                        columns = 3;
                    } else if (header.equals("cve,epss")) {
                        columns = 2;
                    } else {
                        throw new InputException(source, "line " + n,
                                "expected the header cve,epss,percentile, got: " + abbreviate(header));
                    }
                    continue;
                }
                sink.accept(row(line, columns, source, n));
                rows++;
            }
            if (columns == 0) {
                throw new InputException(source, "", "not an EPSS file: no cve,epss,percentile header"
                        + (sawModelLine ? " after the model version line" : ""));
            }
            return new EpssHeader(model, date, rows);
        } catch (IOException e) {
            throw Inputs.ioError(source, "", e);
        }
    }

    private static EpssScore row(String line, int columns, String source, int n) {
        int c1 = line.indexOf(',');
        int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
        int fields = c1 < 0 ? 1 : c2 < 0 ? 2 : 3;
        if (fields == 3 && line.indexOf(',', c2 + 1) >= 0) {
            fields = 4;
        }
        if (fields != columns) {
            throw new InputException(source, "line " + n, "expected " + columns + " fields, got " + fields + ": "
                    + abbreviate(line));
        }
        String cve = line.substring(0, c1).strip();
        if (!VulnIds.isCve(cve)) {
            throw new InputException(source, "line " + n + ", column 1", "not a CVE id: " + abbreviate(cve));
        }
        double epss = probability(line.substring(c1 + 1, c2 < 0 ? line.length() : c2), source, n, c1 + 2, "epss");
        double percentile = columns == 3 ? probability(line.substring(c2 + 1), source, n, c2 + 2, "percentile") : Double.NaN;
        return new EpssScore(cve, epss, percentile);
    }

    private static double probability(String text, String source, int line, int column, String what) {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new InputException(source, "line " + line + ", column " + column, what + " is not a number: "
                    + abbreviate(text));
        }
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new InputException(source, "line " + line + ", column " + column, what + " must be between 0 and 1: "
                    + text);
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
