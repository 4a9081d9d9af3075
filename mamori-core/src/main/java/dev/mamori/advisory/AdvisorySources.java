package dev.mamori.advisory;

import dev.mamori.input.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The entry point for importing vulnerability intelligence from files: recognises each file's format by its
 * content (never by its name) and hands it to the right reader.
 */
public final class AdvisorySources {
    private AdvisorySources() {}

    /**
     * The format of a file, judged by content: zip and gzip magic bytes, the XML root element, the JSON top-level
     * fields, the EPSS CSV header. A gzip file is judged by what it decompresses to.
     *
     * @return the format, or {@link AdvisoryFormat#UNKNOWN}
     * @throws InputException when the file is missing or unreadable
     */
    public static AdvisoryFormat detect(Path file) {
        return Sniffer.detect(file);
    }

    /** As {@link #read(Path, Instant, AdvisorySink)} with an unknown fetch time. */
    public static void read(Path path, AdvisorySink sink) {
        read(path, null, sink);
    }

    /**
     * Reads a file, or every file under a directory (in name order; hidden files are ignored). Inside a directory,
     * files in no known format are reported through {@link AdvisorySink#skipped} and left out; a single file in no
     * known format is refused.
     *
     * @param fetchedAt when the data was fetched, for provenance, or null
     * @throws InputException for the first unreadable or malformed file, naming it and the place
     */
    public static void read(Path path, Instant fetchedAt, AdvisorySink sink) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new InputException(path.toString(), "", "cannot read directory: " + e.getMessage(), e);
            }
            for (Path f : files) {
                AdvisoryFormat format = detect(f);
                if (format == AdvisoryFormat.UNKNOWN) {
                    sink.skipped(f, "not a recognised advisory format");
                } else {
                    read(f, format, fetchedAt, sink);
                }
            }
            return;
        }
        AdvisoryFormat format = detect(path);
        if (format == AdvisoryFormat.UNKNOWN) {
            throw new InputException(path.toString(), "", "not a recognised advisory format (OSV, NVD CVE API 2.0, "
                    + "CVE 5, JVN, CSAF, KEV, EPSS or CWE)");
        }
        read(path, format, fetchedAt, sink);
    }

    /** Reads one file in a known format. */
    public static void read(Path file, AdvisoryFormat format, Instant fetchedAt, AdvisorySink sink) {
        Origin origin = new Origin(file.toString(), fetchedAt);
        switch (format) {
            case OSV, OSV_ARCHIVE -> OsvReader.read(file, ArchiveLimits.DEFAULT, fetchedAt, sink::advisory);
            case OSV_YAML -> withStream(file, in -> OsvReader.readYaml(in, origin, sink::advisory));
            case NVD -> withStream(file, in -> NvdReader.read(in, origin, sink::advisory));
            case CVE5 -> withStream(file, in -> {
                if (Sniffer.isJsonLines(file)) {
                    Cve5Reader.readLines(in, origin, sink::advisory);
                } else {
                    sink.advisory(Cve5Reader.toAdvisory(dev.mamori.input.JsonInput.readTree(in, origin.location()),
                            origin, ""));
                }
            });
            case JVN_VULDEF, JVN_RSS -> withStream(file, in -> JvnReader.readXml(in, origin, sink::advisory));
            case JVN_JSON -> withStream(file, in -> JvnReader.readJson(in, origin, sink::advisory));
            case CSAF -> withStream(file, in -> {
                CsafDocument doc = CsafReader.read(in, origin);
                sink.csafDocument(doc);
                CsafReader.advisories(doc, fetchedAt).forEach(sink::advisory);
            });
            case KEV -> withStream(file, in -> sink.kevCatalog(KevReader.read(in, origin.location(), sink::kev)));
            case EPSS -> withStream(file, in -> sink.epssHeader(EpssReader.read(in, origin.location(), sink::epss)));
            case CWE -> sink.cweCatalog(CweReader.read(file, sink::cwe));
            case UNKNOWN -> throw new InputException(file.toString(), "", "not a recognised advisory format");
        }
    }

    private interface StreamReading {
        void read(InputStream in) throws IOException;
    }

    private static void withStream(Path file, StreamReading reading) {
        try (InputStream in = Inputs.open(file)) {
            reading.read(in);
        } catch (IOException e) {
            throw Inputs.ioError(file.toString(), "", e);
        }
    }
}
