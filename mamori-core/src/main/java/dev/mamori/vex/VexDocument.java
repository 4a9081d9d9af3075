package dev.mamori.vex;

import java.time.Instant;
import java.util.List;

/**
 * A VEX document: who says what about which product.
 *
 * @param id        the document's identifier (CycloneDX serial number, OpenVEX {@code @id}, CSAF tracking id)
 * @param author    who made it (OpenVEX author, CSAF publisher, CycloneDX metadata)
 * @param product   the product it is about (the release), or null when the document does not say
 */
public record VexDocument(VexFormat format, String id, String author, Instant timestamp, int version, VexProduct product,
                          List<VexStatement> statements) {
    public VexDocument {
        statements = List.copyOf(statements);
    }
}
