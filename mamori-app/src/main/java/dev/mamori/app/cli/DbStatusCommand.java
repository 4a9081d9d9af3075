package dev.mamori.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mamori.store.AdvisoryStore;
import dev.mamori.store.Database;
import dev.mamori.store.SourceStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mamori db status}: per source, records, last sync, newest upstream modification, last error. */
@Command(name = "status",
        description = "Show, per source, the records stored, when it was last synced or imported, its newest upstream "
                + "modification, the feed's own version, and the last sync error.",
        mixinStandardHelpOptions = true)
final class DbStatusCommand implements Callable<Integer> {
    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = {"-f", "--format"}, defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<SourceStatus> status;
        String kind;
        List<String> warnings = new java.util.ArrayList<>();
        try (Database db = database.open()) {
            AdvisoryStore store = new AdvisoryStore(db);
            status = store.status();
            kind = db.kind().label();
            store.cweCatalog().map(dev.mamori.store.StoredCwe::warning).ifPresent(warnings::add);
        }
        if (format == Format.json) {
            json(out, kind, status, warnings);
        } else {
            table(out, kind, status);
            warnings.forEach(w -> out.println("warning: " + w));
        }
        out.flush();
        return MamoriCommand.OK;
    }

    private void table(PrintWriter out, String kind, List<SourceStatus> status) {
        out.printf("Store: %s (%s)%n", kind, database.settings().kind() == dev.mamori.store.DatabaseKind.SQLITE
                ? database.dataDir().resolve(dev.mamori.store.DatabaseSettings.SQLITE_FILE) : database.settings().url());
        if (status.isEmpty()) {
            out.println("No intelligence imported yet: see 'mamori db import --help'.");
            return;
        }
        int width = Math.max(6, status.stream().mapToInt(s -> s.source().length()).max().orElse(0));
        String row = "%-" + width + "s %9s %9s  %-20s  %-20s  %-24s  %s%n";
        out.printf(row, "SOURCE", "RECORDS", "WITHDRAWN", "LAST SYNC", "NEWEST MODIFIED", "FEED", "LAST ERROR");
        for (SourceStatus s : status) {
            String date = s.feedDate() == null ? "" : " " + (s.feedDate().length() > 10 ? s.feedDate().substring(0, 10) : s.feedDate());
            String feed = s.feedVersion() == null ? date.strip() : s.feedVersion() + date;
            String error = s.lastError() == null ? "" : time(s.lastErrorAt()) + " " + s.lastError();
            out.printf(row, s.source(), s.records(), s.withdrawn(), time(s.lastSync()), time(s.newestModified()),
                    feed.length() > 24 ? feed.substring(0, 24) : feed, error);
        }
        out.printf("%d records in %d sources.%n", status.stream().mapToLong(SourceStatus::records).sum(), status.size());
    }

    private static String time(Instant t) {
        return t == null ? "-" : t.toString().replaceFirst("\\.\\d+Z$", "Z");
    }

    private static void json(PrintWriter out, String kind, List<SourceStatus> status, List<String> warnings)
            throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("database", kind);
        g.writeArrayFieldStart("sources");
        for (SourceStatus s : status) {
            g.writeStartObject();
            g.writeStringField("source", s.source());
            g.writeStringField("kind", s.kind());
            g.writeNumberField("records", s.records());
            g.writeNumberField("withdrawn", s.withdrawn());
            field(g, "lastSync", s.lastSync());
            field(g, "newestModified", s.newestModified());
            g.writeStringField("feedVersion", s.feedVersion());
            g.writeStringField("feedDate", s.feedDate());
            g.writeStringField("lastError", s.lastError());
            field(g, "lastErrorAt", s.lastErrorAt());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("warnings");
        for (String w : warnings) {
            g.writeString(w);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.close();
        out.println();
    }

    private static void field(JsonGenerator g, String name, Instant value) throws IOException {
        g.writeStringField(name, value == null ? null : value.toString());
    }
}
