package dev.mamori.app.server.analysis;

import java.util.function.Consumer;

/**
 * Where the server's advisories come from. The analysis matches against {@link #current()}; when the source
 * changes, listeners hear of it (and the releases using the changed packages are analysed again).
 *
 * <p>The default implementation reads files ({@link FileAdvisoryProvider}); an implementation backed by the
 * advisory store can replace it by being a bean of this type.
 */
public interface AdvisoryProvider {
    /** The advisories in force now; empty before anything was loaded, never null. */
    AdvisorySnapshot current();

    /** Reads the source again. Listeners are told when something changed; the change is returned either way. */
    AdvisoryChange refresh();

    /** Called after every refresh that changed something, on the refreshing thread. */
    void addListener(Consumer<AdvisoryChange> listener);

    /** For status answers: e.g. {@code files in /srv/mamori/advisories}. */
    String describe();
}
