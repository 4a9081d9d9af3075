package dev.mamori.store;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.AdvisorySink;
import dev.mamori.advisory.CweEntry;
import dev.mamori.advisory.CweReader;
import dev.mamori.advisory.EpssHeader;
import dev.mamori.advisory.EpssScore;
import dev.mamori.advisory.KevCatalog;
import dev.mamori.advisory.KevEntry;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads on one thread and writes on another: a reader thread parses the files and prepares each advisory (encoding,
 * hash, index rows), handing chunks over a small bounded queue to the calling thread, which owns the connection and
 * the transaction and does nothing but SQL. Order is kept, so the result is what a sequential import gives; memory
 * stays bounded by the queue. A failure on either side stops both, and the caller rolls back.
 */
final class ImportPipeline {
    private static final int CHUNK = 256;
    private static final int QUEUE = 8;

    /** One step for the writer. */
    private interface Op extends Consumer<ImportSession> {}

    private static final List<Op> END = List.of();

    private ImportPipeline() {}

    static void run(AdvisoryStore.Reading reading, ImportSession session) {
        BlockingQueue<List<Op>> queue = new ArrayBlockingQueue<>(QUEUE);
        AtomicBoolean cancelled = new AtomicBoolean();
        Throwable[] failure = new Throwable[1];
        Reader reader = new Reader(queue, cancelled);
        Thread thread = Thread.ofPlatform().name("mamori-import-reader").daemon().start(() -> {
            try {
                reading.read(reader);
                reader.flush();
            } catch (CancellationException e) {
                // the writer failed and stopped us
            } catch (Throwable e) {
                synchronized (failure) {
                    failure[0] = e;
                }
            } finally {
                reader.end();
            }
        });
        boolean done = false;
        try {
            while (true) {
                List<Op> chunk = queue.take();
                if (chunk == END) {
                    break;
                }
                for (Op op : chunk) {
                    op.accept(session);
                }
            }
            done = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("import interrupted");
        } finally {
            if (!done) {
                cancelled.set(true);
                queue.clear();
            }
            join(thread, queue);
        }
        synchronized (failure) {
            if (failure[0] instanceof RuntimeException e) {
                throw e;
            }
            if (failure[0] instanceof Error e) {
                throw e;
            }
            if (failure[0] != null) {
                throw new IllegalStateException(failure[0]);
            }
        }
    }

    private static void join(Thread thread, BlockingQueue<List<Op>> queue) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            queue.clear();
            try {
                thread.join(100);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The readers' sink on the reader thread: prepares advisories and hands over chunks of steps. */
    private static final class Reader implements AdvisorySink {
        private final BlockingQueue<List<Op>> queue;
        private final AtomicBoolean cancelled;
        private final MessageDigest sha256 = ImportSession.newSha256();
        private List<Op> chunk = new ArrayList<>(CHUNK);

        Reader(BlockingQueue<List<Op>> queue, AtomicBoolean cancelled) {
            this.queue = queue;
            this.cancelled = cancelled;
        }

        private void add(Op op) {
            chunk.add(op);
            if (chunk.size() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (!chunk.isEmpty()) {
                put(chunk);
                chunk = new ArrayList<>(CHUNK);
            }
        }

        void end() {
            if (!cancelled.get()) {
                put(END);
            }
        }

        private void put(List<Op> ops) {
            try {
                while (!queue.offer(ops, 100, TimeUnit.MILLISECONDS)) {
                    if (cancelled.get()) {
                        throw new CancellationException();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException();
            }
        }

        @Override
        public void advisory(Advisory advisory) {
            if (cancelled.get()) {
                throw new CancellationException();
            }
            ImportSession.Prepared p = ImportSession.prepare(advisory, sha256);
            add(s -> s.add(p));
        }

        @Override
        public void kev(KevEntry entry) {
            add(s -> s.kev(entry));
        }

        @Override
        public void kevCatalog(KevCatalog catalog) {
            add(s -> s.kevCatalog(catalog));
        }

        @Override
        public void epss(EpssScore score) {
            add(s -> s.epss(score));
        }

        @Override
        public void epssHeader(EpssHeader header) {
            add(s -> s.epssHeader(header));
        }

        @Override
        public void cwe(CweEntry entry) {
            add(s -> s.cwe(entry));
        }

        @Override
        public void cweCatalog(CweReader.Catalog catalog) {
            add(s -> s.cweCatalog(catalog));
        }

        @Override
        public void skipped(Path file, String reason) {
            add(s -> s.skipped(file, reason));
        }
    }
}
