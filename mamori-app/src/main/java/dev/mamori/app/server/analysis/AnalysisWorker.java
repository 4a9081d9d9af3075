package dev.mamori.app.server.analysis;

import dev.mamori.app.server.JsonText;
import dev.mamori.app.server.MamoriProperties;
import dev.mamori.store.Database;
import dev.mamori.store.DatabaseKind;
import dev.mamori.store.queue.Job;
import dev.mamori.store.queue.WorkQueue;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The background analysis workers of this node: threads that claim jobs from the queue, most urgent first, run the
 * {@link Analyser} and record the outcome (a failure is retried with a growing delay, then left failed with its
 * error). On PostgreSQL several workers (and several nodes) share the queue; on SQLite there is one. Idle workers
 * sleep until woken by a new job or the poll interval.
 */
@Component
class AnalysisWorker implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisWorker.class);
    private static final Duration MAINTENANCE = Duration.ofMinutes(1);
    private static final Duration KEEP_FINISHED = Duration.ofDays(7);

    private final WorkQueue queue;
    private final AnalysisQueue signals;
    private final Analyser analyser;
    private final JsonText json;
    private final Clock clock;
    private final Database db;
    private final MamoriProperties.Analysis settings;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private volatile Instant lastMaintenance = Instant.EPOCH;

    AnalysisWorker(WorkQueue queue, AnalysisQueue signals, Analyser analyser, JsonText json, Clock clock, Database db,
                   MamoriProperties properties) {
        this.queue = queue;
        this.signals = signals;
        this.analyser = analyser;
        this.json = json;
        this.clock = clock;
        this.db = db;
        this.settings = properties.analysis();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        Instant now = clock.instant();
        // SQLite is one process's store: a job still 'running' belongs to a process that is gone
        int recovered = queue.recoverStale(db.kind() == DatabaseKind.SQLITE ? now.plusSeconds(1) : now.minus(settings.staleAfter()), now);
        if (recovered > 0) {
            LOG.info("Put back {} analysis jobs left running by a stopped worker", recovered);
        }
        running = true;
        int n = db.kind() == DatabaseKind.SQLITE ? 1 : Math.max(1, settings.workers());
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(this::loop, "mamori-analysis-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        LOG.info("{} analysis worker(s) started on node {}", n, node);
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the database closes, starts after it opened. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void loop() {
        while (running) {
            try {
                maintain();
                Optional<Job> job = queue.claim(node, clock.instant());
                if (job.isEmpty()) {
                    signals.await(settings.pollInterval());
                    continue;
                }
                run(job.get());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Analysis worker error (retrying): {}", e.toString());
                try {
                    Thread.sleep(settings.pollInterval().toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void run(Job job) {
        try {
            Analyser.Result result = analyser.analyse(job.releaseId());
            queue.complete(job.id(), json.text(result), clock.instant());
            LOG.info("Analysed release {} ({}): {} components, +{} findings, {} updated, {} reopened, {} no longer present, {} ms",
                    job.releaseId(), job.reason(), result.components(), result.added(), result.updated(), result.reopened(),
                    result.closed(), result.millis());
        } catch (RuntimeException e) {
            LOG.warn("Analysis of release {} failed (attempt {} of {})", job.releaseId(), job.attempts(), job.maxAttempts(), e);
            Duration backoff = Duration.ofSeconds(Math.min(300, 5L << Math.min(6, job.attempts())));
            queue.fail(job.id(), e.toString(), backoff, clock.instant());
        }
    }

    private void maintain() {
        Instant now = clock.instant();
        if (now.isBefore(lastMaintenance.plus(MAINTENANCE))) {
            return;
        }
        lastMaintenance = now;
        queue.recoverStale(now.minus(settings.staleAfter()), now);
        queue.purgeFinished(now.minus(KEEP_FINISHED));
    }
}
