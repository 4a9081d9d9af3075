package dev.mamori.advisory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import dev.mamori.purl.PackageKey;
import dev.mamori.version.EventRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lossless, compact JSON form of the intelligence model: {@link Advisory}, {@link KevEntry}, {@link EpssScore} and
 * {@link CweEntry}. {@code decode(encode(x)).equals(x)} for every value the readers produce. This is how the store
 * keeps a record and how a bundle carries it; it is Mamori's own format, not OSV.
 *
 * <p>Fields are the record components by name; null values, empty lists and {@code false} are left out. Free JSON
 * the model keeps as text ({@code databaseSpecific}, {@code ecosystemSpecific}) stays text, so it comes back byte for
 * byte. Unknown fields are skipped when reading, so a newer writer's additions do not break an older reader.
 *
 * <p>A {@link Form} chooses what is written: everything, or without the parts that say where and when this copy was
 * read, which the store keeps beside the record, or also without the positions of statements in their file or page,
 * which is what a change is judged by.
 */
public final class AdvisoryCodec {
    private static final JsonFactory OUT = JsonFactory.builder().build();

    private AdvisoryCodec() {}

    // ---- Advisory -------------------------------------------------------------------------------------------------

    /** What of an advisory is written. */
    public enum Form {
        /** Everything: {@code decode(encode(a)).equals(a)}. */
        FULL,
        /**
         * Without the provenance's origin and fetch time, which say where and when this copy was read (the store keeps
         * them in columns of their own and gives them back to {@link #decode(byte[], String, Instant)}).
         */
        WITHOUT_ORIGIN,
        /**
         * Also without the {@code location} of affected and product statements (a JSON pointer or line in the file or
         * API page it came from, which moves when a feed is reordered or paged differently): two copies of a record
         * with the same comparable form say the same thing.
         */
        COMPARABLE
    }

    /** The advisory as compact JSON (UTF-8), everything included. */
    public static byte[] encode(Advisory a) {
        return encode(a, Form.FULL);
    }

    /** The advisory as compact JSON (UTF-8) in the given form. */
    public static byte[] encode(Advisory a, Form form) {
        return bytes(g -> write(g, a, form));
    }

    /** Writes the advisory as one JSON object in the given form. */
    public static void write(JsonGenerator g, Advisory a, Form form) throws IOException {
        boolean withOrigin = form == Form.FULL;
        boolean withLocations = form != Form.COMPARABLE;
        g.writeStartObject();
        str(g, "id", a.id());
        strings(g, "aliases", a.aliases());
        strings(g, "related", a.related());
        strings(g, "upstream", a.upstream());
        str(g, "summary", a.summary());
        str(g, "details", a.details());
        str(g, "language", a.language());
        if (!a.affected().isEmpty()) {
            g.writeArrayFieldStart("affected");
            for (Affected x : a.affected()) {
                writeAffected(g, x, withLocations);
            }
            g.writeEndArray();
        }
        if (!a.products().isEmpty()) {
            g.writeArrayFieldStart("products");
            for (AffectedProduct p : a.products()) {
                writeProduct(g, p, withLocations);
            }
            g.writeEndArray();
        }
        if (!a.configurations().isEmpty()) {
            g.writeArrayFieldStart("configurations");
            for (CpeConfiguration c : a.configurations()) {
                writeConfiguration(g, c);
            }
            g.writeEndArray();
        }
        severities(g, "severities", a.severities());
        strings(g, "cwes", a.cwes());
        if (!a.references().isEmpty()) {
            g.writeArrayFieldStart("references");
            for (Reference r : a.references()) {
                g.writeStartObject();
                str(g, "url", r.url());
                str(g, "type", r.type());
                strings(g, "tags", r.tags());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!a.credits().isEmpty()) {
            g.writeArrayFieldStart("credits");
            for (Credit c : a.credits()) {
                g.writeStartObject();
                str(g, "name", c.name());
                str(g, "type", c.type());
                strings(g, "contacts", c.contacts());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!a.ssvc().isEmpty()) {
            g.writeArrayFieldStart("ssvc");
            for (Ssvc s : a.ssvc()) {
                g.writeStartObject();
                str(g, "exploitation", s.exploitation());
                str(g, "automatable", s.automatable());
                str(g, "technicalImpact", s.technicalImpact());
                str(g, "role", s.role());
                str(g, "version", s.version());
                str(g, "timestamp", s.timestamp());
                str(g, "statedBy", s.statedBy());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!a.kev().isEmpty()) {
            g.writeArrayFieldStart("kev");
            for (KevListing k : a.kev()) {
                g.writeStartObject();
                str(g, "dateAdded", k.dateAdded());
                str(g, "dueDate", k.dueDate());
                str(g, "requiredAction", k.requiredAction());
                str(g, "vulnerabilityName", k.vulnerabilityName());
                str(g, "reference", k.reference());
                str(g, "statedBy", k.statedBy());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        str(g, "published", a.published());
        str(g, "modified", a.modified());
        str(g, "withdrawn", a.withdrawn());
        str(g, "tlp", a.tlp());
        str(g, "databaseSpecific", a.databaseSpecific());
        Provenance p = a.provenance();
        g.writeObjectFieldStart("provenance");
        str(g, "source", p.source());
        if (withOrigin) {
            str(g, "origin", p.origin());
            if (p.fetchedAt() != null) {
                g.writeStringField("fetchedAt", p.fetchedAt().toString());
            }
        }
        str(g, "upstreamModified", p.upstreamModified());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeAffected(JsonGenerator g, Affected x, boolean withLocation) throws IOException {
        g.writeStartObject();
        if (x.packageKey() != null) {
            g.writeObjectFieldStart("packageKey");
            g.writeStringField("ecosystem", x.packageKey().ecosystem());
            g.writeStringField("name", x.packageKey().name());
            g.writeEndObject();
        }
        str(g, "osvEcosystem", x.osvEcosystem());
        str(g, "packageName", x.packageName());
        if (!x.ranges().isEmpty()) {
            g.writeArrayFieldStart("ranges");
            for (AffectedRange r : x.ranges()) {
                g.writeStartObject();
                str(g, "type", r.type());
                if (r.events() != null) {
                    // [[kind, version], …]: an event list of any length, compactly
                    g.writeArrayFieldStart("events");
                    for (EventRange.Event e : r.events().events()) {
                        g.writeStartArray();
                        g.writeString(e.kind().osvName());
                        g.writeString(e.version());
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                }
                str(g, "repo", r.repo());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        strings(g, "versions", x.versions());
        if (withLocation) {
            str(g, "location", x.location());
        }
        str(g, "purl", x.purl());
        severities(g, "severities", x.severities());
        str(g, "ecosystemSpecific", x.ecosystemSpecific());
        str(g, "databaseSpecific", x.databaseSpecific());
        g.writeEndObject();
    }

    private static void writeProduct(JsonGenerator g, AffectedProduct p, boolean withLocation) throws IOException {
        g.writeStartObject();
        str(g, "vendor", p.vendor());
        str(g, "product", p.product());
        strings(g, "cpes", p.cpes());
        strings(g, "purls", p.purls());
        str(g, "status", p.status());
        if (!p.versions().isEmpty()) {
            g.writeArrayFieldStart("versions");
            for (ProductVersion v : p.versions()) {
                g.writeStartObject();
                str(g, "version", v.version());
                str(g, "status", v.status());
                str(g, "lessThan", v.lessThan());
                str(g, "lessThanOrEqual", v.lessThanOrEqual());
                str(g, "versionType", v.versionType());
                if (!v.changes().isEmpty()) {
                    g.writeArrayFieldStart("changes");
                    for (ProductVersion.Change c : v.changes()) {
                        g.writeStartObject();
                        str(g, "at", c.at());
                        str(g, "status", c.status());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                str(g, "description", v.description());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        str(g, "defaultStatus", p.defaultStatus());
        str(g, "statedBy", p.statedBy());
        str(g, "productId", p.productId());
        if (withLocation) {
            str(g, "location", p.location());
        }
        g.writeEndObject();
    }

    private static void writeConfiguration(JsonGenerator g, CpeConfiguration c) throws IOException {
        g.writeStartObject();
        str(g, "operator", c.operator());
        bool(g, "negate", c.negate());
        g.writeArrayFieldStart("nodes");
        for (CpeConfiguration.Node n : c.nodes()) {
            g.writeStartObject();
            str(g, "operator", n.operator());
            bool(g, "negate", n.negate());
            g.writeArrayFieldStart("matches");
            for (CpeConfiguration.Match m : n.matches()) {
                g.writeStartObject();
                bool(g, "vulnerable", m.vulnerable());
                str(g, "criteria", m.criteria());
                str(g, "matchCriteriaId", m.matchCriteriaId());
                str(g, "versionStartIncluding", m.versionStartIncluding());
                str(g, "versionStartExcluding", m.versionStartExcluding());
                str(g, "versionEndIncluding", m.versionEndIncluding());
                str(g, "versionEndExcluding", m.versionEndExcluding());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void severities(JsonGenerator g, String field, List<Severity> list) throws IOException {
        if (list.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (Severity s : list) {
            g.writeStartObject();
            str(g, "type", s.type());
            str(g, "score", s.score());
            if (s.level() != null) {
                g.writeStringField("level", s.level().name());
            }
            if (s.baseScore() != null) {
                g.writeNumberField("baseScore", s.baseScore());
            }
            str(g, "source", s.source());
            str(g, "sourceType", s.sourceType());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Decodes an advisory written by {@link #encode} in the full form. */
    public static Advisory decode(byte[] json) {
        return decode(json, null, null);
    }

    /**
     * Decodes an advisory; where the JSON carries no origin or fetch time (as {@link Form#WITHOUT_ORIGIN} writes it),
     * {@code origin} and {@code fetchedAt} are used.
     *
     * @throws InputException when the JSON is not an encoded advisory
     */
    public static Advisory decode(byte[] json, String origin, Instant fetchedAt) {
        try (JsonParser p = JsonInput.factory().createParser(json)) {
            p.nextToken();
            return readAdvisory(p, "<advisory>", origin, fetchedAt);
        } catch (JsonProcessingException e) {
            throw JsonInput.error("<advisory>", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one encoded advisory; the parser's current token is the object's start, and is its end afterwards.
     *
     * @param source names the input in errors
     */
    public static Advisory readAdvisory(JsonParser p, String source, String origin, Instant fetchedAt) throws IOException {
        expect(p, JsonToken.START_OBJECT, source, "an advisory");
        String id = null;
        List<String> aliases = List.of();
        List<String> related = List.of();
        List<String> upstream = List.of();
        String summary = null;
        String details = null;
        String language = null;
        List<Affected> affected = new ArrayList<>();
        List<AffectedProduct> products = new ArrayList<>();
        List<CpeConfiguration> configurations = new ArrayList<>();
        List<Severity> severities = List.of();
        List<String> cwes = List.of();
        List<Reference> references = new ArrayList<>();
        List<Credit> credits = new ArrayList<>();
        List<Ssvc> ssvc = new ArrayList<>();
        List<KevListing> kev = new ArrayList<>();
        String published = null;
        String modified = null;
        String withdrawn = null;
        String tlp = null;
        String databaseSpecific = null;
        Provenance provenance = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = text(p);
                case "aliases" -> aliases = strings(p);
                case "related" -> related = strings(p);
                case "upstream" -> upstream = strings(p);
                case "summary" -> summary = text(p);
                case "details" -> details = text(p);
                case "language" -> language = text(p);
                case "affected" -> {
                    while (nextInArray(p)) {
                        affected.add(readAffected(p));
                    }
                }
                case "products" -> {
                    while (nextInArray(p)) {
                        products.add(readProduct(p));
                    }
                }
                case "configurations" -> {
                    while (nextInArray(p)) {
                        configurations.add(readConfiguration(p));
                    }
                }
                case "severities" -> severities = readSeverities(p);
                case "cwes" -> cwes = strings(p);
                case "references" -> {
                    while (nextInArray(p)) {
                        String url = null;
                        String type = null;
                        List<String> tags = List.of();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            p.nextToken();
                            switch (f) {
                                case "url" -> url = text(p);
                                case "type" -> type = text(p);
                                case "tags" -> tags = strings(p);
                                default -> p.skipChildren();
                            }
                        }
                        references.add(new Reference(url, type, tags));
                    }
                }
                case "credits" -> {
                    while (nextInArray(p)) {
                        String name = null;
                        String type = null;
                        List<String> contacts = List.of();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            p.nextToken();
                            switch (f) {
                                case "name" -> name = text(p);
                                case "type" -> type = text(p);
                                case "contacts" -> contacts = strings(p);
                                default -> p.skipChildren();
                            }
                        }
                        credits.add(new Credit(name, type, contacts));
                    }
                }
                case "ssvc" -> {
                    while (nextInArray(p)) {
                        String[] v = fields(p, "exploitation", "automatable", "technicalImpact", "role", "version",
                                "timestamp", "statedBy");
                        ssvc.add(new Ssvc(v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
                    }
                }
                case "kev" -> {
                    while (nextInArray(p)) {
                        String[] v = fields(p, "dateAdded", "dueDate", "requiredAction", "vulnerabilityName",
                                "reference", "statedBy");
                        kev.add(new KevListing(v[0], v[1], v[2], v[3], v[4], v[5]));
                    }
                }
                case "published" -> published = text(p);
                case "modified" -> modified = text(p);
                case "withdrawn" -> withdrawn = text(p);
                case "tlp" -> tlp = text(p);
                case "databaseSpecific" -> databaseSpecific = text(p);
                case "provenance" -> provenance = readProvenance(p, source, origin, fetchedAt);
                default -> p.skipChildren();
            }
        }
        if (id == null || provenance == null) {
            throw new InputException(source, location(p), "an encoded advisory needs an id and a provenance");
        }
        return new Advisory(id, aliases, related, upstream, summary, details, language, affected, products,
                configurations, severities, cwes, references, credits, ssvc, kev, published, modified, withdrawn, tlp,
                databaseSpecific, provenance);
    }

    private static Provenance readProvenance(JsonParser p, String source, String origin, Instant fetchedAt)
            throws IOException {
        String[] v = fields(p, "source", "origin", "fetchedAt", "upstreamModified");
        Instant fetched = fetchedAt;
        if (v[2] != null) {
            try {
                fetched = Instant.parse(v[2]);
            } catch (DateTimeParseException e) {
                throw new InputException(source, location(p), "provenance.fetchedAt is not an instant: " + v[2]);
            }
        }
        return new Provenance(v[0], v[1] != null ? v[1] : origin, fetched, v[3]);
    }

    private static Affected readAffected(JsonParser p) throws IOException {
        PackageKey key = null;
        String osvEcosystem = null;
        String packageName = null;
        List<AffectedRange> ranges = new ArrayList<>();
        List<String> versions = List.of();
        String location = null;
        String purl = null;
        List<Severity> severities = List.of();
        String ecosystemSpecific = null;
        String databaseSpecific = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "packageKey" -> {
                    String[] v = fields(p, "ecosystem", "name");
                    key = new PackageKey(v[0], v[1]);
                }
                case "osvEcosystem" -> osvEcosystem = text(p);
                case "packageName" -> packageName = text(p);
                case "ranges" -> {
                    while (nextInArray(p)) {
                        String type = null;
                        EventRange events = null;
                        String repo = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String rf = p.currentName();
                            p.nextToken();
                            switch (rf) {
                                case "type" -> type = text(p);
                                case "events" -> {
                                    List<EventRange.Event> list = new ArrayList<>();
                                    while (nextInArray(p)) {
                                        p.nextToken();
                                        EventRange.Kind kind = EventRange.Kind.valueOf(p.getText().toUpperCase(Locale.ROOT));
                                        p.nextToken();
                                        String version = p.getText();
                                        p.nextToken();
                                        list.add(new EventRange.Event(kind, version));
                                    }
                                    events = new EventRange(list);
                                }
                                case "repo" -> repo = text(p);
                                default -> p.skipChildren();
                            }
                        }
                        ranges.add(new AffectedRange(type, events, repo));
                    }
                }
                case "versions" -> versions = strings(p);
                case "location" -> location = text(p);
                case "purl" -> purl = text(p);
                case "severities" -> severities = readSeverities(p);
                case "ecosystemSpecific" -> ecosystemSpecific = text(p);
                case "databaseSpecific" -> databaseSpecific = text(p);
                default -> p.skipChildren();
            }
        }
        return new Affected(key, osvEcosystem, packageName, ranges, versions, location, purl, severities,
                ecosystemSpecific, databaseSpecific);
    }

    private static AffectedProduct readProduct(JsonParser p) throws IOException {
        String vendor = null;
        String product = null;
        List<String> cpes = List.of();
        List<String> purls = List.of();
        String status = null;
        List<ProductVersion> versions = new ArrayList<>();
        String defaultStatus = null;
        String statedBy = null;
        String productId = null;
        String location = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "vendor" -> vendor = text(p);
                case "product" -> product = text(p);
                case "cpes" -> cpes = strings(p);
                case "purls" -> purls = strings(p);
                case "status" -> status = text(p);
                case "versions" -> {
                    while (nextInArray(p)) {
                        String version = null;
                        String vstatus = null;
                        String lessThan = null;
                        String lessThanOrEqual = null;
                        String versionType = null;
                        List<ProductVersion.Change> changes = new ArrayList<>();
                        String description = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String vf = p.currentName();
                            p.nextToken();
                            switch (vf) {
                                case "version" -> version = text(p);
                                case "status" -> vstatus = text(p);
                                case "lessThan" -> lessThan = text(p);
                                case "lessThanOrEqual" -> lessThanOrEqual = text(p);
                                case "versionType" -> versionType = text(p);
                                case "changes" -> {
                                    while (nextInArray(p)) {
                                        String[] c = fields(p, "at", "status");
                                        changes.add(new ProductVersion.Change(c[0], c[1]));
                                    }
                                }
                                case "description" -> description = text(p);
                                default -> p.skipChildren();
                            }
                        }
                        versions.add(new ProductVersion(version, vstatus, lessThan, lessThanOrEqual, versionType,
                                changes, description));
                    }
                }
                case "defaultStatus" -> defaultStatus = text(p);
                case "statedBy" -> statedBy = text(p);
                case "productId" -> productId = text(p);
                case "location" -> location = text(p);
                default -> p.skipChildren();
            }
        }
        return new AffectedProduct(vendor, product, cpes, purls, status, versions, defaultStatus, statedBy, productId,
                location);
    }

    private static CpeConfiguration readConfiguration(JsonParser p) throws IOException {
        String operator = null;
        boolean negate = false;
        List<CpeConfiguration.Node> nodes = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "operator" -> operator = text(p);
                case "negate" -> negate = p.getBooleanValue();
                case "nodes" -> {
                    while (nextInArray(p)) {
                        String nodeOperator = null;
                        boolean nodeNegate = false;
                        List<CpeConfiguration.Match> matches = new ArrayList<>();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String nf = p.currentName();
                            p.nextToken();
                            switch (nf) {
                                case "operator" -> nodeOperator = text(p);
                                case "negate" -> nodeNegate = p.getBooleanValue();
                                case "matches" -> {
                                    while (nextInArray(p)) {
                                        matches.add(readMatch(p));
                                    }
                                }
                                default -> p.skipChildren();
                            }
                        }
                        nodes.add(new CpeConfiguration.Node(nodeOperator, nodeNegate, matches));
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new CpeConfiguration(operator, negate, nodes);
    }

    private static CpeConfiguration.Match readMatch(JsonParser p) throws IOException {
        boolean vulnerable = false;
        String criteria = null;
        String id = null;
        String startIncl = null;
        String startExcl = null;
        String endIncl = null;
        String endExcl = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "vulnerable" -> vulnerable = p.getBooleanValue();
                case "criteria" -> criteria = text(p);
                case "matchCriteriaId" -> id = text(p);
                case "versionStartIncluding" -> startIncl = text(p);
                case "versionStartExcluding" -> startExcl = text(p);
                case "versionEndIncluding" -> endIncl = text(p);
                case "versionEndExcluding" -> endExcl = text(p);
                default -> p.skipChildren();
            }
        }
        return new CpeConfiguration.Match(vulnerable, criteria, id, startIncl, startExcl, endIncl, endExcl);
    }

    private static List<Severity> readSeverities(JsonParser p) throws IOException {
        List<Severity> out = new ArrayList<>();
        while (nextInArray(p)) {
            String type = null;
            String score = null;
            SeverityLevel level = null;
            Double baseScore = null;
            String source = null;
            String sourceType = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "type" -> type = text(p);
                    case "score" -> score = text(p);
                    case "level" -> level = SeverityLevel.valueOf(p.getText());
                    case "baseScore" -> baseScore = p.getDoubleValue();
                    case "source" -> source = text(p);
                    case "sourceType" -> sourceType = text(p);
                    default -> p.skipChildren();
                }
            }
            out.add(new Severity(type, score, level, baseScore, source, sourceType));
        }
        return out;
    }

    // ---- KEV, EPSS, CWE -------------------------------------------------------------------------------------------

    public static byte[] encode(KevEntry k) {
        return bytes(g -> write(g, k));
    }

    public static void write(JsonGenerator g, KevEntry k) throws IOException {
        g.writeStartObject();
        str(g, "cveId", k.cveId());
        str(g, "vendorProject", k.vendorProject());
        str(g, "product", k.product());
        str(g, "vulnerabilityName", k.vulnerabilityName());
        str(g, "dateAdded", k.dateAdded());
        str(g, "shortDescription", k.shortDescription());
        str(g, "requiredAction", k.requiredAction());
        str(g, "dueDate", k.dueDate());
        str(g, "knownRansomwareCampaignUse", k.knownRansomwareCampaignUse());
        str(g, "notes", k.notes());
        strings(g, "cwes", k.cwes());
        g.writeEndObject();
    }

    public static KevEntry decodeKev(byte[] json) {
        return decodeWith(json, "<kev entry>", AdvisoryCodec::readKev);
    }

    /** Reads one encoded KEV entry; the current token is the object's start. */
    public static KevEntry readKev(JsonParser p, String source) throws IOException {
        expect(p, JsonToken.START_OBJECT, source, "a KEV entry");
        String[] v = new String[10];
        List<String> cwes = List.of();
        List<String> names = List.of("cveId", "vendorProject", "product", "vulnerabilityName", "dateAdded",
                "shortDescription", "requiredAction", "dueDate", "knownRansomwareCampaignUse", "notes");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            int i = names.indexOf(f);
            if (i >= 0) {
                v[i] = text(p);
            } else if (f.equals("cwes")) {
                cwes = strings(p);
            } else {
                p.skipChildren();
            }
        }
        if (v[0] == null) {
            throw new InputException(source, location(p), "an encoded KEV entry needs a cveId");
        }
        return new KevEntry(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], cwes);
    }

    public static byte[] encode(EpssScore s) {
        return bytes(g -> write(g, s));
    }

    /** {@code {"cve":…,"epss":…,"percentile":…}}; a NaN is left out (the oldest files have no percentile). */
    public static void write(JsonGenerator g, EpssScore s) throws IOException {
        g.writeStartObject();
        g.writeStringField("cve", s.cve());
        if (!Double.isNaN(s.epss())) {
            g.writeNumberField("epss", s.epss());
        }
        if (!Double.isNaN(s.percentile())) {
            g.writeNumberField("percentile", s.percentile());
        }
        g.writeEndObject();
    }

    public static EpssScore decodeEpss(byte[] json) {
        return decodeWith(json, "<epss score>", AdvisoryCodec::readEpss);
    }

    /** Reads one encoded EPSS score; the current token is the object's start. */
    public static EpssScore readEpss(JsonParser p, String source) throws IOException {
        expect(p, JsonToken.START_OBJECT, source, "an EPSS score");
        String cve = null;
        double epss = Double.NaN;
        double percentile = Double.NaN;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "cve" -> cve = text(p);
                case "epss" -> epss = p.getDoubleValue();
                case "percentile" -> percentile = p.getDoubleValue();
                default -> p.skipChildren();
            }
        }
        if (cve == null) {
            throw new InputException(source, location(p), "an encoded EPSS score needs a cve");
        }
        return new EpssScore(cve, epss, percentile);
    }

    public static byte[] encode(CweEntry c) {
        return bytes(g -> write(g, c));
    }

    public static void write(JsonGenerator g, CweEntry c) throws IOException {
        g.writeStartObject();
        str(g, "id", c.id());
        if (c.kind() != null) {
            g.writeStringField("kind", c.kind().name());
        }
        str(g, "name", c.name());
        str(g, "abstraction", c.abstraction());
        str(g, "structure", c.structure());
        str(g, "status", c.status());
        str(g, "description", c.description());
        strings(g, "parents", c.parents());
        if (!c.relations().isEmpty()) {
            g.writeArrayFieldStart("relations");
            for (CweEntry.Relation r : c.relations()) {
                g.writeStartObject();
                str(g, "nature", r.nature());
                str(g, "cweId", r.cweId());
                str(g, "viewId", r.viewId());
                str(g, "ordinal", r.ordinal());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        strings(g, "introductionPhases", c.introductionPhases());
        if (c.introductions() != null) {
            // written even when empty: an absent field means "not known" (an encoding that kept only the phases)
            g.writeArrayFieldStart("introductions");
            for (CweEntry.Introduction i : c.introductions()) {
                g.writeStartObject();
                str(g, "phase", i.phase());
                str(g, "note", i.note());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        str(g, "likelihoodOfExploit", c.likelihoodOfExploit());
        str(g, "mappingUsage", c.mappingUsage());
        strings(g, "members", c.members());
        g.writeEndObject();
    }

    public static CweEntry decodeCwe(byte[] json) {
        return decodeWith(json, "<cwe entry>", AdvisoryCodec::readCwe);
    }

    /** Reads one encoded CWE entry; the current token is the object's start. */
    public static CweEntry readCwe(JsonParser p, String source) throws IOException {
        expect(p, JsonToken.START_OBJECT, source, "a CWE entry");
        String id = null;
        CweEntry.Kind kind = null;
        String name = null;
        String abstraction = null;
        String structure = null;
        String status = null;
        String description = null;
        List<String> parents = List.of();
        List<CweEntry.Relation> relations = new ArrayList<>();
        List<String> phases = List.of();
        List<CweEntry.Introduction> introductions = null;
        String likelihood = null;
        String mappingUsage = null;
        List<String> members = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "id" -> id = text(p);
                case "kind" -> kind = CweEntry.Kind.valueOf(p.getText());
                case "name" -> name = text(p);
                case "abstraction" -> abstraction = text(p);
                case "structure" -> structure = text(p);
                case "status" -> status = text(p);
                case "description" -> description = text(p);
                case "parents" -> parents = strings(p);
                case "relations" -> {
                    while (nextInArray(p)) {
                        String[] v = fields(p, "nature", "cweId", "viewId", "ordinal");
                        relations.add(new CweEntry.Relation(v[0], v[1], v[2], v[3]));
                    }
                }
                case "introductionPhases" -> phases = strings(p);
                case "introductions" -> {
                    introductions = new ArrayList<>();
                    while (nextInArray(p)) {
                        String[] v = fields(p, "phase", "note");
                        introductions.add(new CweEntry.Introduction(v[0], v[1]));
                    }
                }
                case "likelihoodOfExploit" -> likelihood = text(p);
                case "mappingUsage" -> mappingUsage = text(p);
                case "members" -> members = strings(p);
                default -> p.skipChildren();
            }
        }
        if (id == null) {
            throw new InputException(source, location(p), "an encoded CWE entry needs an id");
        }
        return new CweEntry(id, kind, name, abstraction, structure, status, description, parents, relations, phases,
                introductions, likelihood, mappingUsage, members);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** A generator for writing encoded values to a stream (JSON lines: one value per line, the caller adds '\n'). */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return OUT.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private interface Writing {
        void write(JsonGenerator g) throws IOException;
    }

    private interface Reading<T> {
        T read(JsonParser p, String source) throws IOException;
    }

    private static byte[] bytes(Writing w) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = OUT.createGenerator(out)) {
            w.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static <T> T decodeWith(byte[] json, String source, Reading<T> reading) {
        try (JsonParser p = JsonInput.factory().createParser(json)) {
            p.nextToken();
            return reading.read(p, source);
        } catch (JsonProcessingException e) {
            throw JsonInput.error(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expect(JsonParser p, JsonToken token, String source, String what) {
        if (p.currentToken() != token) {
            throw new InputException(source, location(p), what + " is a JSON object");
        }
    }

    private static String location(JsonParser p) {
        var l = p.currentTokenLocation();
        return "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    private static void str(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void bool(JsonGenerator g, String field, boolean value) throws IOException {
        if (value) {
            g.writeBooleanField(field, true);
        }
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static String text(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
    }

    private static List<String> strings(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(p.getText());
        }
        return out;
    }

    /**
     * Advances to the next element of an array: true at an element's start, false at the array's end. Call it first
     * with the array's start as the current token, then after each element has been read to its end. A value that
     * is not an array (null) has no elements.
     */
    private static boolean nextInArray(JsonParser p) throws IOException {
        JsonToken current = p.currentToken();
        boolean inside = current == JsonToken.START_ARRAY
                || (current == JsonToken.END_OBJECT || current == JsonToken.END_ARRAY) && p.getParsingContext().inArray();
        if (!inside) {
            p.skipChildren();
            return false;
        }
        JsonToken t = p.nextToken();
        return t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
    }

    /** Reads an object of string fields into an array in the order of {@code names}. */
    private static String[] fields(JsonParser p, String... names) throws IOException {
        String[] out = new String[names.length];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            int i = indexOf(names, f);
            if (i >= 0) {
                out[i] = text(p);
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
