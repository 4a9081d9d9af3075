package dev.mamori.sbom;

/**
 * An identifier other than the component's main purl, its CPEs and its SWID tag: an OmniBOR/gitoid id, a SWHID,
 * a second purl, or an SPDX {@code PERSISTENT-ID}/{@code OTHER} reference.
 *
 * @param type  {@code omniborId}, {@code swhid}, {@code purl}, {@code gitoid}, or the source format's own type name
 * @param value the identifier as written
 */
public record Identifier(String type, String value) {}
