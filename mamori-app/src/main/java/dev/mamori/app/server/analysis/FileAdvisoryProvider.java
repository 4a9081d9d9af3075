package dev.mamori.app.server.analysis;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.AdvisorySink;
import dev.mamori.advisory.AdvisorySources;
import dev.mamori.input.InputException;
import dev.mamori.store.AdvisoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advisories from the advisory store ({@code mamori db import}, {@code mamori db sync}; optional) and from the files
 * of a directory (OSV JSON, OSV zip and JSON-lines archives, NVD, CVE 5, CSAF, JVN…; each file's format is told from
 * its content, see {@link AdvisorySources}). Read again on {@link #refresh()} and when a file is added, removed or
 * changed or the store's advisories change (both are checked every poll interval). A file that cannot be read is
 * reported in {@link AdvisorySnapshot#problems()} and left out; the others count.
 */
public final class FileAdvisoryProvider implements AdvisoryProvider, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileAdvisoryProvider.class);

    private final Path dir;
    private final AdvisoryStore store;
    private final Clock clock;
    private final List<Consumer<AdvisoryChange>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;
    private volatile AdvisorySnapshot current = AdvisorySnapshot.empty();
    private volatile String listing = "";

    public FileAdvisoryProvider(Path dir, Duration pollInterval, Clock clock) {
        this(dir, null, pollInterval, clock);
    }

    /** @param store the advisory store to read as well, or null for files only */
    public FileAdvisoryProvider(Path dir, AdvisoryStore store, Duration pollInterval, Clock clock) {
        this.dir = dir;
        this.store = store;
        this.clock = clock;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the advisory directory " + dir, e);
        }
        refresh();
        if (pollInterval != null && !pollInterval.isZero() && !pollInterval.isNegative()) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mamori-advisory-watch");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            poller = null;
        }
    }

    @Override
    public AdvisorySnapshot current() {
        return current;
    }

    @Override
    public synchronized AdvisoryChange refresh() {
        listing = listing();
        List<Advisory> advisories = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (store != null) {
            try {
                store.forEachAdvisory(false, advisories::add);
            } catch (RuntimeException e) {
                problems.add("advisory store: " + e.getMessage());
            }
        }
        for (Path file : files()) {
            try {
                AdvisorySources.read(file, new AdvisorySink() {
                    @Override
                    public void advisory(Advisory advisory) {
                        advisories.add(advisory);
                    }
                });
            } catch (InputException e) {
                problems.add(e.getMessage());
            } catch (RuntimeException e) {
                problems.add(file + ": " + e);
            }
        }
        AdvisorySnapshot before = current;
        AdvisorySnapshot after = AdvisorySnapshot.of(advisories, problems, clock.instant());
        AdvisoryChange change = AdvisoryChange.between(before, after);
        current = after;
        if (!change.isEmpty()) {
            LOG.info("Advisories from {}: {} records ({} added, {} modified, {} removed){}", dir, advisories.size(),
                    change.added().size(), change.modified().size(), change.removed().size(),
                    problems.isEmpty() ? "" : "; " + problems.size() + " files unreadable");
            for (Consumer<AdvisoryChange> l : listeners) {
                try {
                    l.accept(change);
                } catch (RuntimeException e) {
                    LOG.error("An advisory-change listener failed", e);
                }
            }
        }
        return change;
    }

    @Override
    public void addListener(Consumer<AdvisoryChange> listener) {
        listeners.add(listener);
    }

    @Override
    public String describe() {
        return (store == null ? "" : "the advisory store and ") + "files in " + dir.toAbsolutePath();
    }

    public Path dir() {
        return dir;
    }

    private void poll() {
        try {
            if (!listing().equals(listing)) {
                refresh();
            }
        } catch (RuntimeException e) {
            LOG.warn("Checking {} for advisory changes failed: {}", dir, e.toString());
        }
    }

    private List<Path> files() {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> dir.relativize(f).toString().chars().noneMatch(c -> c == '\u0000'))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot list {}: {}", dir, e.toString());
            return List.of();
        }
    }

    /**
     * Names, sizes and modification times of the files, and the store's count and last import per advisory source:
     * what a change shows in.
     */
    private String listing() {
        StringBuilder out = new StringBuilder();
        if (store != null) {
            try {
                // advisory sources only: a KEV, EPSS or CWE import is the ThreatPlanner's, and must not make the
                // provider read every advisory again
                out.append("store|").append(store.advisoryCount()).append('|').append(store.status().stream()
                        .filter(st -> "advisories".equals(st.kind()))
                        .map(st -> st.source() + "@" + st.lastSync()).sorted().toList()).append('\n');
            } catch (RuntimeException e) {
                out.append("store|?\n");
            }
        }
        for (Path f : files()) {
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                out.append(f).append('|').append(a.size()).append('|').append(a.lastModifiedTime().toMillis()).append('\n');
            } catch (IOException e) {
                out.append(f).append("|?\n");
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
