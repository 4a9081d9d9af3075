package dev.mamori.advisory;

import java.nio.file.Path;

/**
 * Receives what {@link AdvisorySources#read} finds, one item at a time. Every method does nothing by default.
 * Catalogue-level facts ({@link #kevCatalog}, {@link #epssHeader}, {@link #cweCatalog}) arrive after their
 * entries, when the whole file has been read.
 */
public interface AdvisorySink {
    /** An advisory record (OSV, NVD, CVE 5, JVN, and one per vulnerability of a CSAF document). */
    default void advisory(Advisory advisory) {}

    /** A CSAF document as a whole; its advisories arrive through {@link #advisory} as well. */
    default void csafDocument(CsafDocument document) {}

    default void kev(KevEntry entry) {}

    default void kevCatalog(KevCatalog catalog) {}

    default void epss(EpssScore score) {}

    default void epssHeader(EpssHeader header) {}

    default void cwe(CweEntry entry) {}

    default void cweCatalog(CweReader.Catalog catalog) {}

    /** A file inside a directory that is not in any known format and was left out. */
    default void skipped(Path file, String reason) {}
}
