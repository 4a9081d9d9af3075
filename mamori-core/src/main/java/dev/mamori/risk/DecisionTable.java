package dev.mamori.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An SSVC decision table in the CSV form of CERTCC/SSVC {@code data/csv}: a header
 * {@code row,<decision point> v<version>,…,<outcome> v<version>}, then one row per combination of input values.
 * Loading checks that the table is complete (every combination exactly once), so a lookup always finds a row.
 */
final class DecisionTable {
    final String name;
    final List<String> inputColumns;
    final String outcomeColumn;
    final List<List<String>> rows;
    private final Map<List<String>, String> outcomes = new HashMap<>();

    private DecisionTable(String name, List<String> header, List<List<String>> rows) {
        this.name = name;
        this.inputColumns = List.copyOf(header.subList(1, header.size() - 1));
        this.outcomeColumn = header.get(header.size() - 1);
        this.rows = List.copyOf(rows);
        List<Set<String>> distinct = new ArrayList<>();
        for (int i = 0; i < inputColumns.size(); i++) {
            distinct.add(new LinkedHashSet<>());
        }
        long expectedRows = 1;
        for (List<String> row : rows) {
            List<String> inputs = List.copyOf(row.subList(1, row.size() - 1));
            for (int i = 0; i < inputs.size(); i++) {
                distinct.get(i).add(inputs.get(i));
            }
            if (outcomes.put(inputs, row.get(row.size() - 1)) != null) {
                throw new IllegalStateException(name + ": duplicate row for " + inputs);
            }
        }
        for (Set<String> values : distinct) {
            expectedRows *= values.size();
        }
        if (expectedRows != rows.size()) {
            throw new IllegalStateException(name + ": " + rows.size() + " rows, but its values combine to " + expectedRows);
        }
    }

    /** Loads {@code dev/mamori/risk/ssvc/<name>.csv} from the class path. */
    static DecisionTable load(String name) {
        String resource = "ssvc/" + name + ".csv";
        try (InputStream in = DecisionTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing SSVC table " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = split(r.readLine());
            List<List<String>> rows = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> row = split(line);
                if (row.size() != header.size() || !row.get(0).equals(Integer.toString(rows.size()))) {
                    throw new IllegalStateException(name + ": malformed row " + line);
                }
                rows.add(row);
            }
            return new DecisionTable(name, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcome for the input values, in the table's column order. */
    String lookup(List<String> inputs) {
        String outcome = outcomes.get(inputs);
        if (outcome == null) {
            throw new IllegalArgumentException(name + ": no row for " + inputs);
        }
        return outcome;
    }

    /** Splits one CSV line (RFC 4180 quoting; the SSVC files quote header cells that contain commas). */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
