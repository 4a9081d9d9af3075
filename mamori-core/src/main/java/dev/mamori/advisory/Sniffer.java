package dev.mamori.advisory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Recognises advisory formats by content: magic bytes, XML root element, JSON top-level fields, CSV header. */
final class Sniffer {
    /** How much of a file is looked at. */
    static final int PREFIX = 1 << 20;
    private static final Pattern XML_ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

    private Sniffer() {}

    /** What the first bytes of a JSON document say. */
    record JsonShape(Set<String> rootFields, String dataType, String format, String type, String schema,
                     String documentCategory, String csafVersion, boolean array, Set<String> firstElementFields,
                     boolean jsonLines) {}

    static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K'
                    && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isJsonLines(Path file) {
        byte[] prefix = prefix(file);
        JsonShape shape = jsonShape(prefix);
        return shape != null && shape.jsonLines();
    }

    static AdvisoryFormat detect(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), "", Files.exists(file) ? "not a regular file"
                    : "no such file or directory");
        }
        if (isZip(file)) {
            return zipFormat(file);
        }
        byte[] prefix = prefix(file);
        String text = new String(prefix, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String t = text.stripLeading();
        if (t.isEmpty()) {
            return AdvisoryFormat.UNKNOWN;
        }
        char first = t.charAt(0);
        if (first == '<') {
            return xmlFormat(t);
        }
        if (first == '{' || first == '[') {
            JsonShape shape = jsonShape(prefix);
            return shape == null ? AdvisoryFormat.UNKNOWN : jsonFormat(shape, t);
        }
        if (osvYaml(t)) {
            return AdvisoryFormat.OSV_YAML;
        }
        return csvFormat(t);
    }

    /** YAML whose top-level keys are an OSV record's: an {@code id} and OSV fields, nothing of SPDX. */
    static boolean osvYaml(String t) {
        boolean id = false;
        boolean osv = false;
        for (String line : t.lines().limit(400).toList()) {
            if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.startsWith("#") || line.startsWith("-")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return false;
            }
            String key = line.substring(0, colon).strip();
            switch (key) {
                case "id" -> id = true;
                case "affected", "modified", "aliases", "schema_version", "withdrawn", "upstream" -> osv = true;
                case "spdxVersion", "SPDXVersion" -> {
                    return false;
                }
                default -> { }
            }
        }
        return id && osv;
    }

    private static AdvisoryFormat zipFormat(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> e = zip.entries();
            while (e.hasMoreElements()) {
                String name = e.nextElement().getName().toLowerCase(Locale.ROOT);
                if (name.endsWith(".xml")) {
                    return AdvisoryFormat.CWE;
                }
                if (name.endsWith(".json")) {
                    return AdvisoryFormat.OSV_ARCHIVE;
                }
            }
            return AdvisoryFormat.UNKNOWN;
        } catch (IOException e) {
            // a truncated or corrupt zip: the archive reader refuses it with a clear message
            return AdvisoryFormat.OSV_ARCHIVE;
        }
    }

    private static byte[] prefix(Path file) {
        try (InputStream in = Inputs.open(file)) {
            return in.readNBytes(PREFIX);
        } catch (InputException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "", "no such file or directory");
        } catch (IOException e) {
            throw Inputs.ioError(file.toString(), "", e);
        }
    }

    private static AdvisoryFormat xmlFormat(String t) {
        Matcher m = XML_ROOT.matcher(t);
        int from = 0;
        while (m.find(from)) {
            int start = m.start();
            if (t.startsWith("<!--", start)) {
                int end = t.indexOf("-->", start);
                from = end < 0 ? t.length() : end + 3;
                continue;
            }
            String root = m.group(1);
            String local = root.substring(root.indexOf(':') + 1);
            return switch (local) {
                case "VULDEF-Document" -> AdvisoryFormat.JVN_VULDEF;
                case "Weakness_Catalog" -> AdvisoryFormat.CWE;
                case "RDF" -> t.contains("jvn.jp/rss/mod_sec") || t.contains("jvndb.jvn.jp")
                        ? AdvisoryFormat.JVN_RSS : AdvisoryFormat.UNKNOWN;
                default -> AdvisoryFormat.UNKNOWN;
            };
        }
        return AdvisoryFormat.UNKNOWN;
    }

    private static AdvisoryFormat jsonFormat(JsonShape s, String text) {
        Set<String> f = s.rootFields();
        boolean myjvn = s.schema() != null && (s.schema().contains("myjvn_vuldef")
                || (s.schema().contains("myjvn_feed") && !text.contains("\"getAlertList\"")))
                || "myjvn_security_advisory".equals(s.documentCategory());
        if (s.schema() != null && s.schema().contains("jvndb.jvn.jp") && !myjvn) {
            return AdvisoryFormat.UNKNOWN;
        }
        if (s.array()) {
            return OsvReader.looksLikeOsv(s.firstElementFields()) ? AdvisoryFormat.OSV : AdvisoryFormat.UNKNOWN;
        }
        if (f.contains("cveMetadata") || "CVE_RECORD".equals(s.dataType())) {
            return AdvisoryFormat.CVE5;
        }
        if (myjvn || ("bundle".equals(s.type()) && text.contains("\"VULDEF-Document\""))) {
            return AdvisoryFormat.JVN_JSON;
        }
        if (f.contains("CVE_Items") || (f.contains("vulnerabilities")
                && (f.contains("resultsPerPage") || f.contains("totalResults") || "NVD_CVE".equals(s.format())))) {
            return AdvisoryFormat.NVD;
        }
        if (f.contains("catalogVersion")) {
            return AdvisoryFormat.KEV;
        }
        if (s.csafVersion() != null || f.contains("product_tree")) {
            return AdvisoryFormat.CSAF;
        }
        if (OsvReader.looksLikeOsv(f)) {
            return AdvisoryFormat.OSV;
        }
        return AdvisoryFormat.UNKNOWN;
    }

    private static AdvisoryFormat csvFormat(String t) {
        for (String line : t.lines().limit(20).toList()) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("#model_version:")) {
                return AdvisoryFormat.EPSS;
            }
            if (l.startsWith("#")) {
                continue;
            }
            return l.equals("cve,epss,percentile") || l.equals("cve,epss") ? AdvisoryFormat.EPSS : AdvisoryFormat.UNKNOWN;
        }
        return AdvisoryFormat.UNKNOWN;
    }

    /**
     * Reads the top-level shape of the JSON in a prefix; the prefix may end mid-document. Returns null when the
     * bytes are not JSON at all.
     */
    static JsonShape jsonShape(byte[] prefix) {
        Set<String> fields = new HashSet<>();
        Set<String> firstElement = new HashSet<>();
        String[] values = new String[6]; // dataType, format, type, $schema, document.category, document.csaf_version
        boolean array = false;
        boolean lines = false;
        try (JsonParser p = JsonInput.factory().createParser(prefix)) {
            JsonToken start = p.nextToken();
            if (start == JsonToken.START_ARRAY) {
                array = true;
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        firstElement.add(p.currentName());
                        p.nextToken();
                        p.skipChildren();
                    }
                }
            } else if (start == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    fields.add(name);
                    JsonToken v = p.nextToken();
                    switch (name) {
                        case "dataType" -> values[0] = p.getValueAsString();
                        case "format" -> values[1] = p.getValueAsString();
                        case "type" -> values[2] = p.getValueAsString();
                        case "$schema" -> values[3] = p.getValueAsString();
                        case "document" -> {
                            if (v == JsonToken.START_OBJECT) {
                                while (p.nextToken() == JsonToken.FIELD_NAME) {
                                    String inner = p.currentName();
                                    p.nextToken();
                                    if (inner.equals("category")) {
                                        values[4] = p.getValueAsString();
                                    } else if (inner.equals("csaf_version")) {
                                        values[5] = p.getValueAsString();
                                    } else {
                                        p.skipChildren();
                                    }
                                }
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
                int endLine = p.currentLocation().getLineNr();
                JsonToken next = p.nextToken();
                lines = next == JsonToken.START_OBJECT && endLine == 1;
            } else {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            if (fields.isEmpty() && firstElement.isEmpty()) {
                return null;
            }
        }
        return new JsonShape(fields, values[0], values[1], values[2], values[3], values[4], values[5], array,
                firstElement, lines);
    }
}
