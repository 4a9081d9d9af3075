package dev.mamori.sbom;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a standalone SWID tag (ISO/IEC 19770-2:2015 {@code SoftwareIdentity}) into a {@link Bom} with one
 * component: the software the tag identifies. Its {@code tagCreator} entities are the SBOM's authors,
 * {@code softwareCreator} the component's manufacturer, {@code distributor} its supplier. Files in
 * {@code Payload} / {@code Evidence} become child components of type {@code file} with their hashes;
 * {@code Link}s become external references.
 */
public final class SwidReader {
    static final String NAMESPACE = "http://standards.iso.org/iso/19770/-2/2015/schema.xsd";
    static final String SPEC_VERSION = "ISO/IEC 19770-2:2015";

    private SwidReader() {}

    public static Bom read(InputStream in, String source) {
        ReadContext ctx = new ReadContext(source);
        XMLStreamReader r = null;
        try {
            r = XmlNode.factory().createXMLStreamReader(in);
            if (!XmlNode.nextStart(r, source)) {
                throw ctx.error("", "empty document, expected a SWID tag");
            }
            if (!"SoftwareIdentity".equals(r.getLocalName())) {
                throw ctx.error(XmlNode.where(r.getLocation()), "not a SWID tag: the root element is <" + r.getLocalName() + ">");
            }
            String ns = r.getNamespaceURI();
            XmlNode tag = XmlNode.read(r, ns == null ? "" : ns, "/SoftwareIdentity", source);
            while (r.hasNext()) {
                if (r.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                    throw ctx.error(XmlNode.where(r.getLocation()), "unexpected element after the end of <SoftwareIdentity>");
                }
            }
            return bom(tag, ctx);
        } catch (XMLStreamException e) {
            throw CycloneDxXmlReader.xmlError(source, e);
        } catch (java.util.MissingResourceException e) {
            throw CycloneDxXmlReader.parserBug(source, e);
        } finally {
            CycloneDxXmlReader.close(r);
        }
    }

    /** The component a {@code SoftwareIdentity} element describes (also used for tags embedded elsewhere). */
    private static Bom bom(XmlNode tag, ReadContext ctx) {
        String tagId = tag.attr("tagId");
        String name = tag.attr("name");
        if (tagId == null) {
            throw ctx.error(tag.where, "a SWID tag needs a tagId");
        }
        if (name == null) {
            throw ctx.error(tag.where, "a SWID tag needs a name");
        }
        Integer tagVersion = null;
        if (tag.attr("tagVersion") != null) {
            try {
                tagVersion = Integer.valueOf(tag.attr("tagVersion").trim());
            } catch (NumberFormatException e) {
                ctx.warn(tag.where, "tagVersion '" + tag.attr("tagVersion") + "' is not a number");
            }
        }
        Boolean patch = tag.attr("patch") == null ? null : Boolean.valueOf(tag.attr("patch").trim());
        Component.Builder b = Component.builder(name).bomRef(tagId).type("application").version(tag.attr("version"))
                .swid(new Swid(tagId, name, tag.attr("version"), tagVersion, patch, null)).location(tag.where);
        if (tag.attr("versionScheme") != null) {
            b.property("swid:versionScheme", tag.attr("versionScheme"));
        }
        for (String flag : List.of("corpus", "supplemental")) {
            if ("true".equals(tag.attr(flag))) {
                b.property("swid:" + flag, "true");
            }
        }
        List<Party> tagCreators = new ArrayList<>();
        for (XmlNode e : tag.children("Entity")) {
            Party p = new Party(e.attr("name"), null, e.attr("regid"), Party.Kind.ORGANIZATION);
            String roles = e.attr("role") == null ? "" : e.attr("role");
            for (String role : roles.trim().split("\\s+")) {
                switch (role) {
                    case "tagCreator" -> tagCreators.add(p);
                    case "softwareCreator" -> b.manufacturer(p);
                    case "distributor" -> b.supplier(p);
                    case "" -> { }
                    default -> b.property("swid:entity:" + role, p.label());
                }
            }
        }
        for (XmlNode link : tag.children("Link")) {
            if (link.attr("href") != null) {
                b.externalReference(new ExternalReference("other", link.attr("href"),
                        "SWID link rel=" + (link.attr("rel") == null ? "" : link.attr("rel"))));
            }
        }
        for (String section : List.of("Payload", "Evidence")) {
            for (XmlNode s : tag.children(section)) {
                files(s, "", b, ctx);
            }
        }
        Metadata metadata = new Metadata(null, tagCreators, null, null, List.of(), List.of(), null, null, name, List.of(), List.of());
        return new Bom(SbomFormat.SWID, SPEC_VERSION, "xml", tagId, tagVersion, metadata, List.of(b.build()), Map.of(), ctx.warnings);
    }

    private static void files(XmlNode parent, String dir, Component.Builder owner, ReadContext ctx) {
        for (XmlNode c : parent.children) {
            String cname = c.attr("name");
            String root = c.attr("root");
            String base = root != null ? join(root, dir) : dir;
            switch (c.name) {
                case "Directory" -> files(c, cname == null ? base : join(base, cname), owner, ctx);
                case "File" -> {
                    if (cname == null) {
                        continue;
                    }
                    String location = c.attr("location");
                    String path = join(location != null ? join(base, location) : base, cname);
                    Component.Builder f = Component.builder(path).type("file").version(c.attr("version")).location(c.where);
                    for (Map.Entry<String, String> a : c.attributes.entrySet()) {
                        String alg = hashAlgorithm(a.getKey());
                        if (alg != null) {
                            f.hash(alg, a.getValue());
                        }
                    }
                    owner.child(f.build());
                }
                default -> {
                    // Process, Resource elements are not components
                }
            }
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        if (b == null || b.isEmpty()) {
            return a;
        }
        return a.endsWith("/") ? a + b : a + "/" + b;
    }

    /** {@code {http://www.w3.org/2001/04/xmlenc#sha256}hash} → {@code SHA-256}. */
    static String hashAlgorithm(String attribute) {
        if (!attribute.startsWith("{") || !attribute.endsWith("}hash")) {
            return null;
        }
        String ns = attribute.substring(1, attribute.length() - 5);
        int hashMark = ns.lastIndexOf('#');
        if (hashMark < 0) {
            return null;
        }
        return switch (ns.substring(hashMark + 1).toLowerCase(java.util.Locale.ROOT)) {
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            case "sha3-256" -> "SHA3-256";
            case "sha3-384" -> "SHA3-384";
            case "sha3-512" -> "SHA3-512";
            case "md5" -> "MD5";
            default -> null;
        };
    }
}
