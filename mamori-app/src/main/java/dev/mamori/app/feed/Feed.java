package dev.mamori.app.feed;

import java.io.IOException;

/** One data source, synced into its own directory of the mirror with the source's real published layout. */
interface Feed {
    /** The source name: {@code osv}, {@code nvd}, {@code kev}, {@code epss}, {@code jvn} or {@code csaf}. */
    String name();

    /**
     * Brings the source's part of the mirror up to date. Failures of single items are recorded in the context's
     * tally and the sync goes on; a {@link FeedException} thrown out of here ends this source's run (the state
     * saved so far is kept).
     */
    void sync(FeedContext ctx) throws InterruptedException, IOException;
}
