package dev.mamori.sbom;

/** A tool that made or changed the SBOM (CycloneDX {@code metadata.tools}, SPDX {@code Tool:} creators). */
public record Tool(String vendor, String name, String version) {}
