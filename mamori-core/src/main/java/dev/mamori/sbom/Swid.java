package dev.mamori.sbom;

/**
 * A SWID tag (ISO/IEC 19770-2) identifying a component: CycloneDX {@code component.swid}, or a standalone tag.
 *
 * @param tagId      the globally unique tag id (required)
 * @param name       the software name in the tag
 * @param version    the software version in the tag, or null
 * @param tagVersion the tag's own revision, or null
 * @param patch      whether the tag describes a patch, or null when not stated
 * @param url        where the tag itself can be fetched, or null
 */
public record Swid(String tagId, String name, String version, Integer tagVersion, Boolean patch, String url) {}
