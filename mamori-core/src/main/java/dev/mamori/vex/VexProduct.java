package dev.mamori.vex;

import dev.mamori.purl.Purl;
import java.util.List;

/**
 * What a VEX statement is about: a package URL (its version and qualifiers count only where the statement gives
 * them), a CycloneDX {@code bom-ref} or BOM-Link ({@code urn:cdx:serial/version#bom-ref}), or a CPE name.
 *
 * @param id            the product as the statement writes it
 * @param purl          its package URL, or null (from the id itself, a BOM-Link fragment, the VEX document's own
 *                      component with that bom-ref, or OpenVEX {@code identifiers.purl})
 * @param bomRef        the CycloneDX bom-ref it names, or null
 * @param bomLinkSerial for a BOM-Link, the serial number of the BOM it points into (a UUID, lower case), else null
 * @param bomLinkVersion for a BOM-Link, the version of that BOM, else null
 * @param cpe           a CPE name, or null
 * @param versions      CycloneDX {@code affects[].versions}: the versions the statement speaks of (empty: all)
 * @param subcomponents OpenVEX subcomponents: the statement is about these packages inside the product
 * @param platforms     CSAF relationship products: the CPEs of the platform the package is a component of (e.g.
 *                      {@code cpe:/o:redhat:enterprise_linux:8}); the statement is only about the package on them
 */
public record VexProduct(String id, Purl purl, String bomRef, String bomLinkSerial, Integer bomLinkVersion, String cpe,
                         List<VersionCondition> versions, List<VexProduct> subcomponents, List<String> platforms) {

    public VexProduct {
        versions = versions == null ? List.of() : List.copyOf(versions);
        subcomponents = subcomponents == null ? List.of() : List.copyOf(subcomponents);
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    /** A product named by a package URL. */
    public static VexProduct ofPurl(String id, Purl purl) {
        return new VexProduct(id, purl, null, null, null, null, List.of(), List.of(), List.of());
    }

    /** Whether anything in it can ever match a component. */
    public boolean matchable() {
        return purl != null || bomRef != null || cpe != null;
    }

    VexProduct withSubcomponents(List<VexProduct> subs) {
        return new VexProduct(id, purl, bomRef, bomLinkSerial, bomLinkVersion, cpe, versions, subs, platforms);
    }

    /**
     * One entry of a CycloneDX {@code affects[].versions}: a version or a {@code vers:} range, and its status
     * ({@code affected}, {@code unaffected} or {@code unknown}; CycloneDX's default is {@code affected}).
     */
    public record VersionCondition(String version, String range, String status) {}
}
