package dev.mamori.advisory;

/**
 * The header of a KEV catalogue file.
 *
 * @param count the entry count the file states, or -1
 * @param read  the entries actually read
 */
public record KevCatalog(String title, String catalogVersion, String dateReleased, int count, int read) {}
