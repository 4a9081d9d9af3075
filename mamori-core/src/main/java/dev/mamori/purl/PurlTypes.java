package dev.mamori.purl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Per-type rules of the purl specification.
 *
 * <p>The structured part comes from the purl-spec type definitions, read from
 * {@code /dev/mamori/purl/types/*-definition.json}: namespace requirement, which components are
 * case-insensitive (lowercased in the canonical form), {@code permitted_characters} and required qualifiers.
 * The rules the definitions state only in prose are encoded here, each with the definition text it follows.
 * Types without a definition get the generic rules: everything optional and case-sensitive.
 */
final class PurlTypes {
    private static final String RESOURCE_DIR = "/dev/mamori/purl/types/";
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    enum Requirement { REQUIRED, OPTIONAL, PROHIBITED }

    /** One type's rules as its definition states them. */
    record Rule(String type, Requirement namespace, boolean namespaceCaseSensitive, boolean nameCaseSensitive,
                boolean versionCaseSensitive, boolean subpathCaseSensitive, Pattern namespacePattern,
                Pattern namePattern, Pattern versionPattern, Set<String> requiredQualifiers) {}

    private static final Rule GENERIC = new Rule(null, Requirement.OPTIONAL, true, true, true, true,
            null, null, null, Set.of());

    private static final Map<String, Rule> RULES = load();

    private PurlTypes() {}

    /** The rules of a (lower-case) type; the generic rules for a type without a definition. */
    static Rule rule(String type) {
        return RULES.getOrDefault(type, GENERIC);
    }

    /** The types that have a purl-spec definition. */
    static Set<String> definedTypes() {
        return RULES.keySet();
    }

    /**
     * git: the namespace is the host, a single segment; the name is the repository path on that host and may
     * span several segments ("pkg:git/codeberg.org/forgejo/forgejo": namespace codeberg.org, name
     * forgejo/forgejo), written with literal slashes.
     */
    static boolean nameSpansSegments(String type) {
        return "git".equals(type);
    }

    /**
     * Applies the type's normalisation and checks to components that already passed the generic checks.
     *
     * @param namespace decoded namespace segments (possibly empty)
     * @param qualifiers lower-case keys, non-empty values; modified in place
     * @param subpath decoded subpath, or null
     */
    static Purl normalise(String type, List<String> namespace, String name, String version,
                          TreeMap<String, String> qualifiers, String subpath, boolean strict) {
        Rule rule = rule(type);

        // namespace
        List<String> ns = new ArrayList<>(namespace.size());
        for (String segment : namespace) {
            String s = rule.namespaceCaseSensitive() ? segment : lower(segment);
            if ("cpan".equals(type)) {
                // cpan: "When present, it represents the CPAN author/publisher ID (CPANID) and shall be uppercase."
                s = s.toUpperCase(Locale.ROOT);
            }
            ns.add(s);
        }
        switch (rule.namespace()) {
            case REQUIRED -> {
                // golang: the type definition requires a namespace, but Go's own vulnerability database and the
                // SBOM tools (syft, Trivy) name the standard library and the toolchain "stdlib" / "toolchain", and
                // single-element module paths ("tailscale.com") have no namespace to give; only the strict
                // conformance mode refuses them.
                if (ns.isEmpty() && (strict || !"golang".equals(type))) {
                    throw new PurlException("namespace", "a " + type + " purl requires a namespace");
                }
            }
            case PROHIBITED -> {
                if (!ns.isEmpty()) {
                    throw new PurlException("namespace", "a " + type + " purl has no namespace, got '"
                            + String.join("/", ns) + "'");
                }
            }
            case OPTIONAL -> { }
        }
        if ("git".equals(type) && ns.size() > 1) {
            throw new PurlException("namespace", "a git purl namespace is the host, one segment; got '"
                    + String.join("/", ns) + "'");
        }
        if ("swid".equals(type) && ns.size() > 2) {
            // swid: "A maximum of two segments are supported" (softwareCreator name and regid).
            throw new PurlException("namespace", "a swid purl namespace has at most two segments (name, regid); got '"
                    + String.join("/", ns) + "'");
        }
        String joinedNs = ns.isEmpty() ? null : String.join("/", ns);
        check(rule.namespacePattern(), joinedNs, type, "namespace");

        // name
        String n = rule.nameCaseSensitive() ? name : lower(name);
        switch (type) {
            // pypi: "Replace underscore _ with dash -" (and lowercase: case_sensitive false).
            case "pypi" -> n = n.replace('_', '-');
            // pub: "Replace non-[a-z] letters, non-[0-9] digits with underscore _"; only [a-z0-9_] is allowed.
            case "pub" -> n = pubName(n);
            // cpan: "A distribution name shall not contain the string '::'" (that is a module name).
            case "cpan" -> {
                if (n.contains("::")) {
                    throw new PurlException("name", "a cpan purl names a distribution, not the module '" + n
                            + "' ('::' is not allowed; use e.g. URI-PackageURL)");
                }
            }
            // mlflow: "for Databricks, it is case insensitive and shall be lowercased"; Azure ML keeps case.
            case "mlflow" -> {
                if (isDatabricks(qualifiers.get("repository_url"))) {
                    n = lower(n);
                }
            }
            default -> { }
        }
        check(rule.namePattern(), n, type, "name");

        // version
        String v = version == null || rule.versionCaseSensitive() ? version : lower(version);
        check(rule.versionPattern(), v, type, "version");

        // qualifiers
        for (String required : rule.requiredQualifiers()) {
            if (!qualifiers.containsKey(required)) {
                throw new PurlException("qualifiers", "a " + type + " purl requires the qualifier '" + required + "'");
            }
        }
        if ("swid".equals(type)) {
            // swid tag_id: "If a GUID is used, it shall be lowercase."
            String tagId = qualifiers.get("tag_id");
            if (tagId != null && GUID.matcher(tagId).matches()) {
                qualifiers.put("tag_id", lower(tagId));
            }
        }
        if ("rpm".equals(type)) {
            String epoch = qualifiers.get("epoch");
            if (epoch != null && !DIGITS.matcher(epoch).matches()) {
                throw new PurlException("qualifiers", "rpm epoch qualifier must be a non-negative integer, got '"
                        + epoch + "'");
            }
        }

        // subpath
        String sp = subpath == null || rule.subpathCaseSensitive() ? subpath : lower(subpath);
        return new Purl(type, joinedNs, n, v, qualifiers, sp);
    }

    private static void check(Pattern pattern, String value, String type, String component) {
        if (pattern != null && value != null && !pattern.matcher(value).find()) {
            throw new PurlException(component, "the " + component + " '" + value + "' of a " + type
                    + " purl does not match the permitted characters " + pattern.pattern());
        }
    }

    private static String pubName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        return out.toString();
    }

    private static boolean isDatabricks(String repositoryUrl) {
        if (repositoryUrl == null) {
            return false;
        }
        String host = repositoryUrl;
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int end = 0;
        while (end < host.length() && "/?#:".indexOf(host.charAt(end)) < 0) {
            end++;
        }
        host = lower(host.substring(0, end));
        return host.equals("azuredatabricks.net") || host.endsWith(".azuredatabricks.net");
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Rule> load() {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Rule> rules = new TreeMap<>();
        for (JsonNode t : read(mapper, "purl-types-index.json")) {
            String type = t.asText();
            JsonNode d = read(mapper, type + "-definition.json");
            JsonNode ns = d.path("namespace_definition");
            Set<String> required = new LinkedHashSet<>();
            for (JsonNode q : d.path("qualifiers_definition")) {
                if ("required".equals(q.path("requirement").asText())) {
                    required.add(q.path("key").asText());
                }
            }
            rules.put(type, new Rule(type,
                    Requirement.valueOf(ns.path("requirement").asText("optional").toUpperCase(Locale.ROOT)),
                    caseSensitive(ns),
                    caseSensitive(d.path("name_definition")),
                    caseSensitive(d.path("version_definition")),
                    caseSensitive(d.path("subpath_definition")),
                    pattern(ns), pattern(d.path("name_definition")), pattern(d.path("version_definition")),
                    Collections.unmodifiableSet(required)));
        }
        return Collections.unmodifiableMap(rules);
    }

    /** The schema's default for case_sensitive is true. */
    private static boolean caseSensitive(JsonNode component) {
        return component.path("case_sensitive").asBoolean(true);
    }

    private static Pattern pattern(JsonNode component) {
        String p = component.path("permitted_characters").asText(null);
        return p == null ? null : Pattern.compile(p);
    }

    private static JsonNode read(ObjectMapper mapper, String file) {
        try (InputStream in = PurlTypes.class.getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing purl type resource " + RESOURCE_DIR + file);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read purl type resource " + RESOURCE_DIR + file, e);
        }
    }
}
