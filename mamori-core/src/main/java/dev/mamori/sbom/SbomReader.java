package dev.mamori.sbom;

import dev.mamori.input.Gzip;
import dev.mamori.input.InputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one entry point for reading an SBOM: finds the format from the content (never the file name) and hands it to
 * the right reader.
 *
 * <table>
 *   <caption>Formats read</caption>
 *   <tr><th>content</th><th>reader</th></tr>
 *   <tr><td>JSON with {@code "bomFormat"}</td><td>CycloneDX 1.2–1.7 JSON</td></tr>
 *   <tr><td>XML root {@code bom} in {@code http://cyclonedx.org/schema/bom/1.x}</td><td>CycloneDX 1.2–1.7 XML</td></tr>
 *   <tr><td>JSON with {@code "spdxVersion"}</td><td>SPDX 2.0–2.3 JSON</td></tr>
 *   <tr><td>YAML with {@code spdxVersion:}</td><td>SPDX 2.0–2.3 YAML</td></tr>
 *   <tr><td>lines {@code SPDXVersion: SPDX-2.x}</td><td>SPDX 2.0–2.3 tag-value</td></tr>
 *   <tr><td>JSON-LD with the SPDX 3 {@code @context}</td><td>SPDX 3.0 JSON-LD</td></tr>
 *   <tr><td>XML root {@code SoftwareIdentity}</td><td>SWID tag (ISO/IEC 19770-2:2015)</td></tr>
 * </table>
 *
 * <p>SPDX RDF/XML and SPDX 2 XML are recognised and refused with a message saying so. Any of them may be gzipped
 * (recognised by the gzip magic bytes, as SBOM archives such as bom-shelter ship them); the decompressed data is
 * limited to {@link #MAX_GUNZIPPED_BYTES} so a compression bomb is refused.
 */
public final class SbomReader {
    /** How much of the start of a document is looked at to tell its format. */
    static final int SNIFF_BYTES = 256 * 1024;
    /** The most a gzipped SBOM may decompress to (the largest real SBOMs are tens of MB). */
    public static final long MAX_GUNZIPPED_BYTES = 1L << 30;

    private static final Pattern XML_ROOT = Pattern.compile("<([A-Za-z_][\\w.\\-]*:)?([A-Za-z_][\\w.\\-]*)");
    private static final Pattern TAG_VALUE = Pattern.compile("(?m)^\\s*SPDXVersion\\s*:");
    private static final Pattern YAML = Pattern.compile("(?m)^\\s*(- )?[\"']?spdxVersion[\"']?\\s*:");

    /** The formats {@link #detect} tells apart. */
    public enum Detected {
        CYCLONEDX_JSON, CYCLONEDX_XML, SPDX_JSON, SPDX_YAML, SPDX_TAG_VALUE, SPDX3_JSON_LD, SWID_XML, SPDX_RDF_XML, SPDX_XML, UNKNOWN
    }

    private SbomReader() {}

    /**
     * Reads an SBOM file of any supported format.
     *
     * @throws InputException when the file is missing, unreadable, of an unknown format or malformed
     */
    public static Bom read(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(source, "", "is a directory, expected an SBOM file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(source, "", "permission denied");
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an SBOM of any supported format from a stream (which is not closed).
     *
     * @param source the file name or other label used in error messages
     */
    public static Bom read(InputStream in, String source) {
        return read(in, source, MAX_GUNZIPPED_BYTES);
    }

    static Bom read(InputStream in, String source, long maxGunzipped) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
            if (Gzip.isGzip(buffered)) {
                return read(Gzip.gunzip(buffered, maxGunzipped, source), source + " (gunzipped)", maxGunzipped);
            }
            buffered.mark(SNIFF_BYTES + 1);
            byte[] head = buffered.readNBytes(SNIFF_BYTES);
            buffered.reset();
            Detected format = detect(head);
            return switch (format) {
                case CYCLONEDX_JSON -> CycloneDxJsonReader.read(buffered, source);
                case CYCLONEDX_XML -> CycloneDxXmlReader.read(buffered, source);
                case SPDX_JSON -> SpdxJsonReader.read(buffered, source);
                case SPDX_YAML -> SpdxJsonReader.readYaml(buffered, source);
                case SPDX_TAG_VALUE -> SpdxTagValueReader.read(buffered, source);
                case SPDX3_JSON_LD -> Spdx3JsonLdReader.read(buffered, source);
                case SWID_XML -> SwidReader.read(buffered, source);
                case SPDX_RDF_XML -> throw new InputException(source, "",
                        "SPDX RDF/XML is not read; convert it to SPDX JSON or tag-value first");
                case SPDX_XML -> throw new InputException(source, "",
                        "SPDX 2 XML is not read; convert it to SPDX JSON or tag-value first");
                case UNKNOWN -> throw new InputException(source, "", head.length == 0 ? "empty file, expected an SBOM"
                        : "not a recognised SBOM: expected CycloneDX (JSON or XML), SPDX 2 (JSON, YAML or tag-value), "
                                + "SPDX 3 JSON-LD or a SWID tag");
            };
        } catch (Gzip.TooLarge e) {
            throw new InputException(e.source(), "", e.getMessage());
        } catch (java.io.EOFException e) {
            throw new InputException(source, "", "unexpected end of compressed data (truncated file?)", e);
        } catch (java.util.zip.ZipException e) {
            throw new InputException(source, "", "corrupt compressed data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new InputException(source, "", "nesting too deep to read");
        }
    }

    /** Tells the format from the first bytes of a document. */
    public static Detected detect(byte[] head) {
        int start = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        String text = new String(head, start, head.length - start, StandardCharsets.UTF_8);
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return Detected.UNKNOWN;
        }
        char first = text.charAt(i);
        if (first == '{' || first == '[') {
            return detectJson(text);
        }
        if (first == '<') {
            return detectXml(text, i);
        }
        if (TAG_VALUE.matcher(text).find()) {
            return Detected.SPDX_TAG_VALUE;
        }
        if (YAML.matcher(text).find()) {
            return Detected.SPDX_YAML;
        }
        return Detected.UNKNOWN;
    }

    private static Detected detectJson(String text) {
        int cdx = text.indexOf("\"bomFormat\"");
        int spdx2 = text.indexOf("\"spdxVersion\"");
        int spdx3 = text.indexOf("spdx.org/rdf/3.");
        int graph = text.indexOf("\"@graph\"");
        int context = text.indexOf("\"@context\"");
        int best = Integer.MAX_VALUE;
        Detected found = Detected.UNKNOWN;
        if (cdx >= 0 && cdx < best) {
            best = cdx;
            found = Detected.CYCLONEDX_JSON;
        }
        if (spdx2 >= 0 && spdx2 < best) {
            best = spdx2;
            found = Detected.SPDX_JSON;
        }
        int ld = context >= 0 && spdx3 >= 0 ? Math.min(context, spdx3) : (graph >= 0 && spdx3 >= 0 ? Math.min(graph, spdx3) : -1);
        if (ld >= 0 && ld < best) {
            found = Detected.SPDX3_JSON_LD;
        }
        if (found == Detected.UNKNOWN && text.contains("\"SPDXID\"")) {
            found = Detected.SPDX_JSON;
        }
        return found;
    }

    private static Detected detectXml(String text, int from) {
        int i = from;
        while (i >= 0 && i < text.length()) {
            int lt = text.indexOf('<', i);
            if (lt < 0 || lt + 1 >= text.length()) {
                return Detected.UNKNOWN;
            }
            char next = text.charAt(lt + 1);
            if (next == '?') {
                i = text.indexOf("?>", lt);
                continue;
            }
            if (text.startsWith("<!--", lt)) {
                i = text.indexOf("-->", lt);
                continue;
            }
            if (next == '!') {
                // a DOCTYPE: skip it here; the XML readers refuse it with a clear message
                i = lt + 2;
                continue;
            }
            Matcher m = XML_ROOT.matcher(text);
            if (!m.find(lt) || m.start() != lt) {
                return Detected.UNKNOWN;
            }
            String local = m.group(2);
            int end = text.indexOf('>', lt);
            String tag = end < 0 ? text.substring(lt) : text.substring(lt, end);
            return switch (local) {
                case "bom" -> tag.contains("cyclonedx.org/schema/bom") ? Detected.CYCLONEDX_XML : Detected.UNKNOWN;
                case "SoftwareIdentity" -> Detected.SWID_XML;
                case "RDF" -> text.contains("spdx.org/rdf/terms") ? Detected.SPDX_RDF_XML : Detected.UNKNOWN;
                case "Document", "SpdxDocument" -> text.contains("spdxVersion") || text.contains("SPDX-2") ? Detected.SPDX_XML : Detected.UNKNOWN;
                default -> Detected.UNKNOWN;
            };
        }
        return Detected.UNKNOWN;
    }
}
