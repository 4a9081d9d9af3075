package dev.mamori.store.portfolio;

import java.time.Instant;
import java.util.List;

/**
 * One SBOM uploaded for a release, as recorded; the file itself is kept unchanged under its SHA-256.
 *
 * @param format       CycloneDX, SPDX or SWID
 * @param encoding     json, xml, tag-value, yaml, json-ld
 * @param mediaType    the Content-Type it was sent with, or null
 * @param fileName     the file name it was sent with, or null
 * @param documentTime the document's own timestamp as written, or null
 * @param warnings     what the reader reported without refusing the document (an invalid purl…), with places
 */
public record SbomDocument(long id, long releaseId, Instant uploadedAt, String uploadedBy, String format, String specVersion,
                           String encoding, String mediaType, String fileName, String sha256, long sizeBytes,
                           String serialNumber, String documentTime, int componentCount, List<String> warnings) {
    public SbomDocument {
        warnings = List.copyOf(warnings);
    }
}
