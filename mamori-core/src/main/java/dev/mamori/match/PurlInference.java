package dev.mamori.match;

import dev.mamori.purl.Purl;
import dev.mamori.sbom.Component;
import java.util.regex.Pattern;

/**
 * A package URL for a component that has none, where its name and version leave no doubt about the ecosystem. Only
 * one rule so far: a Go module path ({@code github.com/gorilla/mux}, its first element a domain, at least two
 * elements) with a Go module version ({@code v1.8.0}, a pseudo-version, {@code +incompatible}), the way
 * Kubernetes' {@code bom} tool and others write Go dependencies in SPDX without purls ({@code PackageName:
 * github.com/gorilla/mux@v1.8.0}). Matches through an inferred purl are MEDIUM confidence and say how the purl was
 * made. Names that could belong to several ecosystems ({@code requests}, {@code curl-7.68.0-1ubuntu2.7}) are left
 * alone.
 */
final class PurlInference {
    private static final Pattern GO_MODULE_PATH =
            Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9-]+)*\\.[a-z]{2,}(/[A-Za-z0-9._~+-]+)+");
    private static final Pattern GO_VERSION =
            Pattern.compile("v\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+incompatible)?");

    /** An inferred purl and the sentence that says why. */
    record Inferred(Purl purl, String reason) {}

    private PurlInference() {}

    /** The inferred purl of a component without one, or null. */
    static Inferred infer(Component c) {
        String name = c.name() == null ? "" : c.name().strip();
        String version = c.version() == null ? null : c.version().strip();
        int at = name.lastIndexOf('@');
        if (at > 0) {
            String suffix = name.substring(at + 1);
            if (version != null && !version.isEmpty() && !version.equals(suffix)) {
                return null; // the name's version and the version field disagree: not sure what this is
            }
            version = suffix;
            name = name.substring(0, at);
        }
        if (version == null || !GO_MODULE_PATH.matcher(name).matches() || !GO_VERSION.matcher(version).matches()
                || (c.group() != null && !c.group().isBlank())) {
            return null;
        }
        int slash = name.lastIndexOf('/');
        Purl purl;
        try {
            purl = Purl.of("golang", name.substring(0, slash), name.substring(slash + 1), version);
        } catch (RuntimeException e) {
            return null;
        }
        return new Inferred(purl, "no package URL in the SBOM: the name " + c.name() + " and version " + version
                + " are a Go module path and version, read as " + purl);
    }
}
