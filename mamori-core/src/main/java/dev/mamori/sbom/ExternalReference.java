package dev.mamori.sbom;

/**
 * A link from a component or document to something outside it.
 *
 * @param type    the CycloneDX external-reference type ({@code website}, {@code vcs}, {@code distribution},
 *                {@code advisories}, {@code other}…); SPDX locations are mapped onto these
 * @param url     the URL or locator as written
 * @param comment a free-text comment, or null
 */
public record ExternalReference(String type, String url, String comment) {}
