package dev.mamori.sbom;

import dev.mamori.input.InputException;
import dev.mamori.input.Utf8;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads SPDX 2.0–2.3 tag-value documents line by line into a {@link Bom}. Files that follow a package without any
 * explicit containment belong to that package (as the tag-value format defines). Places are {@code line N}.
 */
public final class SpdxTagValueReader {
    /** Longest single line or {@code <text>} value accepted. */
    static final int MAX_VALUE_LENGTH = 20_000_000;

    private SpdxTagValueReader() {}

    public static Bom read(InputStream in, String source) {
        ReadContext ctx = new ReadContext(source);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Utf8.skipByteOrderMark(in),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            return new Reading(r, ctx).read();
        } catch (CharacterCodingException e) {
            throw new InputException(source, "", "not UTF-8 text: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private static final class Reading {
        private final BufferedReader r;
        private final ReadContext ctx;
        private final SpdxGraph graph;
        private int lineNo;
        private String spdxVersion;
        private String versionWhere = "line 1";
        private String namespace;
        private String name;
        private String created;
        private String comment;
        private String creatorComment;
        private String dataLicense;
        private final List<Party> authors = new ArrayList<>();
        private final List<Tool> tools = new ArrayList<>();
        /** The element the following tags describe: a package or file builder, or null (document, snippet, licence). */
        private Component.Builder current;
        private boolean currentIsFile;
        private String currentId;
        private String currentPackageId;
        private final List<String[]> implicitFiles = new ArrayList<>();
        private final java.util.Set<String> explicitlyContained = new java.util.HashSet<>();
        private final List<String[]> relationships = new ArrayList<>();

        Reading(BufferedReader r, ReadContext ctx) {
            this.r = r;
            this.ctx = ctx;
            this.graph = new SpdxGraph(ctx);
        }

        Bom read() throws IOException {
            graph.document("SPDXRef-DOCUMENT");
            String line;
            boolean any = false;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.length() > MAX_VALUE_LENGTH) {
                    throw ctx.error("line " + lineNo, "line longer than " + MAX_VALUE_LENGTH + " characters");
                }
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int colon = t.indexOf(':');
                if (colon <= 0 || !isTag(t, colon)) {
                    throw ctx.error("line " + lineNo + ", column 1", "expected 'Tag: value', found '" + abbreviate(t) + "'");
                }
                int startLine = lineNo;
                String tag = t.substring(0, colon);
                String value = t.substring(colon + 1).strip();
                if (value.startsWith("<text>")) {
                    value = text(value.substring(6), startLine);
                }
                any = true;
                tag(tag, value, "line " + startLine);
            }
            if (!any) {
                throw ctx.error("", "empty document, expected SPDX tag-value");
            }
            finishElement();
            String version = Spdx2Fields.specVersion(ctx, spdxVersion, versionWhere);
            for (String[] rel : relationships) {
                if (SpdxGraph.kind(rel[1]) == SpdxGraph.Kind.CONTAINS) {
                    explicitlyContained.add(rel[2]);
                } else if (SpdxGraph.kind(rel[1]) == SpdxGraph.Kind.CONTAINED_BY) {
                    explicitlyContained.add(rel[0]);
                }
            }
            for (String[] f : implicitFiles) {
                if (!explicitlyContained.contains(f[1])) {
                    graph.relationship(f[0], "CONTAINS", f[1]);
                }
            }
            for (String[] rel : relationships) {
                graph.relationship(rel[0], rel[1], rel[2]);
            }
            String tlp = Spdx2Fields.tlp(comment);
            if (tlp == null) {
                tlp = Spdx2Fields.tlp(creatorComment);
            }
            SpdxGraph.Result res = graph.assemble();
            List<License> data = dataLicense == null ? List.of() : List.of(License.id(dataLicense));
            Metadata metadata = new Metadata(created, authors, null, null, tools, List.of(), res.subject(), tlp, name, data, List.of());
            return new Bom(SbomFormat.SPDX, version, "tag-value", namespace, null, metadata, res.components(),
                    res.dependencies(), ctx.warnings);
        }

        private static boolean isTag(String t, int colon) {
            for (int i = 0; i < colon; i++) {
                char c = t.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                    return false;
                }
            }
            return true;
        }

        private static String abbreviate(String s) {
            return s.length() > 60 ? s.substring(0, 60) + "…" : s;
        }

        private String text(String first, int startLine) throws IOException {
            StringBuilder b = new StringBuilder();
            String line = first;
            while (true) {
                int end = line.indexOf("</text>");
                if (end >= 0) {
                    b.append(line, 0, end);
                    return b.toString();
                }
                b.append(line).append('\n');
                if (b.length() > MAX_VALUE_LENGTH) {
                    throw ctx.error("line " + startLine, "<text> value longer than " + MAX_VALUE_LENGTH + " characters");
                }
                line = r.readLine();
                if (line == null) {
                    throw ctx.error("line " + startLine + ", column 1", "<text> is not closed by </text>");
                }
                lineNo++;
            }
        }

        private void finishElement() {
            if (current != null) {
                if (currentId == null) {
                    ctx.warn(current.location(), (currentIsFile ? "file" : "package") + " '" + current.name()
                            + "' has no SPDXID; nothing can refer to it");
                    currentId = "SPDXRef-mamori-unnamed-" + current.location().replace(' ', '-');
                    current.bomRef(currentId);
                }
                graph.element(currentId, current);
                if (currentIsFile && currentPackageId != null) {
                    implicitFiles.add(new String[] {currentPackageId, currentId});
                }
            }
            current = null;
            currentId = null;
        }

        private void tag(String tag, String value, String where) {
            switch (tag.toLowerCase(Locale.ROOT)) {
                case "spdxversion" -> {
                    spdxVersion = value;
                    versionWhere = where;
                }
                case "datalicense" -> dataLicense = value;
                case "documentnamespace" -> namespace = value;
                case "documentname" -> name = value;
                case "documentcomment" -> comment = value;
                case "creatorcomment" -> creatorComment = value;
                case "created" -> created = value;
                case "creator" -> SpdxJsonReader.creator(value, authors, tools);
                case "spdxid" -> {
                    if (current != null && currentId == null) {
                        currentId = value;
                        current.bomRef(value);
                    } else if (current == null) {
                        graph.document(value);
                    }
                }
                case "packagename" -> {
                    finishElement();
                    current = Component.builder(value).location(where);
                    currentIsFile = false;
                    currentPackageId = null;
                }
                case "filename" -> {
                    finishElement();
                    current = Component.builder(value).type("file").location(where);
                    currentIsFile = true;
                }
                case "snippetspdxid", "licenseid" -> {
                    finishElement();
                    currentPackageId = null;
                }
                case "relationship" -> {
                    String[] parts = value.split("\\s+");
                    if (parts.length < 3) {
                        throw ctx.error(where, "a Relationship needs 'element TYPE element', found '" + abbreviate(value) + "'");
                    }
                    relationships.add(new String[] {parts[0], parts[1], parts[2]});
                }
                default -> {
                    if (current != null) {
                        elementTag(tag.toLowerCase(Locale.ROOT), value, where);
                    }
                }
            }
            if (current != null && !currentIsFile && currentId != null && currentPackageId == null) {
                currentPackageId = currentId;
            }
        }

        private void elementTag(String tag, String value, String where) {
            Component.Builder b = current;
            switch (tag) {
                case "packageversion" -> b.version(Spdx2Fields.value(value));
                case "packagefilename" -> {
                    if (Spdx2Fields.value(value) != null) {
                        b.property(Spdx2Fields.FILENAME_PROPERTY, value);
                    }
                }
                case "packagesupplier" -> Spdx2Fields.supplier(b, value);
                case "packageoriginator" -> Spdx2Fields.originator(b, value);
                case "packagedownloadlocation" -> Spdx2Fields.downloadLocation(b, value);
                case "packagehomepage" -> Spdx2Fields.homepage(b, value);
                case "packagechecksum", "filechecksum" -> {
                    int c = value.indexOf(':');
                    if (c <= 0) {
                        throw ctx.error(where, "a checksum needs 'ALGORITHM: value', found '" + abbreviate(value) + "'");
                    }
                    Spdx2Fields.checksum(b, value.substring(0, c), value.substring(c + 1));
                }
                case "packagelicenseconcluded", "licenseconcluded" ->
                        Spdx2Fields.license(b, value, License.Acknowledgement.CONCLUDED);
                case "packagelicensedeclared", "licenseinfoinfile" ->
                        Spdx2Fields.license(b, value, License.Acknowledgement.DECLARED);
                case "packagecopyrighttext", "filecopyrighttext" -> b.copyright(Spdx2Fields.value(value));
                case "packagedescription" -> b.description(value);
                case "packagesummary" -> {
                    if (b.build().description() == null) {
                        b.description(value);
                    }
                }
                case "primarypackagepurpose" -> b.type(Spdx2Fields.type(value));
                case "releasedate", "builtdate", "validuntildate" -> b.property("spdx:" + switch (tag) {
                    case "releasedate" -> "releaseDate";
                    case "builtdate" -> "builtDate";
                    default -> "validUntilDate";
                }, value);
                case "externalref" -> {
                    String[] parts = value.split("\\s+", 3);
                    if (parts.length < 3) {
                        throw ctx.error(where, "an ExternalRef needs 'CATEGORY type locator', found '" + abbreviate(value) + "'");
                    }
                    Spdx2Fields.externalRef(ctx, b, parts[0], parts[1], parts[2], null, where);
                }
                default -> {
                    // other package and file tags are not kept
                }
            }
        }
    }
}
