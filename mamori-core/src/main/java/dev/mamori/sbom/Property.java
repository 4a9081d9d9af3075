package dev.mamori.sbom;

/** A name/value pair, e.g. {@code bsi:component:filename}; names may repeat. */
public record Property(String name, String value) {}
