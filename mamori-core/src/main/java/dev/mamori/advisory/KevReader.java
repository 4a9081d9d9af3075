package dev.mamori.advisory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads CISA's Known Exploited Vulnerabilities catalogue (JSON, {@code known_exploited_vulnerabilities.json}),
 * streaming one entry at a time. Entries need a valid {@code cveID} and {@code dateAdded}; a catalogue whose
 * {@code count} disagrees with its entries is refused (a cut or edited file).
 */
public final class KevReader {
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,19}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private KevReader() {}

    public static KevCatalog read(Path file, Consumer<KevEntry> sink) {
        try (InputStream in = Inputs.open(file)) {
            return read(in, file.toString(), sink);
        } catch (IOException e) {
            throw Inputs.ioError(file.toString(), "", e);
        }
    }

    public static KevCatalog read(InputStream in, String source, Consumer<KevEntry> sink) {
        try (JsonParser p = JsonInput.parser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(source, JsonInput.where(p.currentTokenLocation()),
                        "not a KEV catalogue: the top level is not an object");
            }
            String title = null;
            String version = null;
            String released = null;
            int count = -1;
            int read = 0;
            boolean sawVulnerabilities = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "title" -> title = p.getValueAsString();
                    case "catalogVersion" -> version = p.getValueAsString();
                    case "dateReleased" -> released = p.getValueAsString();
                    case "count" -> count = p.getValueAsInt(-1);
                    case "vulnerabilities" -> {
                        sawVulnerabilities = true;
                        if (value != JsonToken.START_ARRAY) {
                            throw new InputException(source, "/vulnerabilities", "expected an array");
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            JsonNode e = JsonInput.mapper().readTree(p);
                            sink.accept(entry(e, source, "/vulnerabilities/" + read));
                            read++;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (!sawVulnerabilities || version == null) {
                throw new InputException(source, "", "not a KEV catalogue: needs catalogVersion and vulnerabilities");
            }
            if (count >= 0 && count != read) {
                throw new InputException(source, "/count", "the catalogue says " + count + " entries but has " + read);
            }
            return new KevCatalog(title, version, released, count, read);
        } catch (JsonProcessingException e) {
            throw JsonInput.error(source, e);
        } catch (IOException e) {
            throw Inputs.ioError(source, "", e);
        }
    }

    private static KevEntry entry(JsonNode e, String source, String pointer) {
        String cve = Json.text(e, "cveID");
        if (cve == null || !CVE.matcher(cve).matches()) {
            throw new InputException(source, pointer + "/cveID", "a KEV entry needs a CVE id, got " + cve);
        }
        String added = Json.text(e, "dateAdded");
        if (added == null || !DATE.matcher(added).matches()) {
            throw new InputException(source, pointer + "/dateAdded", "a KEV entry needs dateAdded as YYYY-MM-DD, got "
                    + added);
        }
        return new KevEntry(cve, Json.text(e, "vendorProject"), Json.text(e, "product"),
                Json.text(e, "vulnerabilityName"), added, Json.text(e, "shortDescription"),
                Json.text(e, "requiredAction"), Json.text(e, "dueDate"), Json.text(e, "knownRansomwareCampaignUse"),
                Json.text(e, "notes"), Json.texts(e, "cwes"));
    }
}
