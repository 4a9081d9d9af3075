package dev.mamori.store;

import dev.mamori.risk.CweCatalog;

/**
 * The CWE catalogue in the store, as the weakness classifier reads it.
 *
 * @param catalog      the weaknesses with their modes of introduction and ChildOf parents
 * @param weaknesses   how many weaknesses the catalogue has
 * @param withoutModes weaknesses left out because they were imported before the store kept their modes of
 *                     introduction whole (import the CWE catalogue again to add them)
 * @param version      the catalogue's version (e.g. {@code 4.15}), or null
 */
public record StoredCwe(CweCatalog catalog, int weaknesses, int withoutModes, String version) {
    /** The warning to show when some weaknesses were left out, or null. */
    public String warning() {
        return withoutModes == 0 ? null : "store: " + withoutModes + " CWE weakness(es) were imported by an older Mamori "
                + "that did not keep their modes of introduction and are left out of the weakness class: import the CWE "
                + "catalogue again ('mamori db import cwec_….xml')";
    }
}
