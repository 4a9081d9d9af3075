package dev.mamori.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.store.Database;
import dev.mamori.store.DatabaseKind;
import dev.mamori.store.TestDatabases;
import dev.mamori.store.portfolio.ProductData;
import dev.mamori.store.portfolio.ProductRepository;
import dev.mamori.store.portfolio.ReleaseData;
import dev.mamori.store.portfolio.ReleaseRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class WorkQueueTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path tmp;

    private static List<Long> releases(Database db, int n) {
        long product = new ProductRepository(db).create(new ProductData("P", null, null, null, null), T0).id();
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ReleaseRepository(db).create(product, new ReleaseData("v" + i, null, null), T0).id());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void enqueue_sameReleaseTwice_keepsOneJobWithTheHigherPriority(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            long r = releases(db, 1).getFirst();
            WorkQueue q = new WorkQueue(db);
            Job low = q.enqueue(WorkQueue.KIND_ANALYSE, r, WorkQueue.PRIORITY_ADVISORIES, "advisories changed", 3, T0);
            Job high = q.enqueue(WorkQueue.KIND_ANALYSE, r, WorkQueue.PRIORITY_UPLOAD, "upload", 3, T0);
            Job lowAgain = q.enqueue(WorkQueue.KIND_ANALYSE, r, WorkQueue.PRIORITY_ADVISORIES, "advisories changed", 3, T0);
            assertThat(high.id()).isEqualTo(low.id());
            assertThat(lowAgain.priority()).isEqualTo(WorkQueue.PRIORITY_UPLOAD);
            assertThat(lowAgain.reason()).isEqualTo("upload");
            assertThat(q.counts()).containsEntry("queued", 1L);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void claim_takesUploadsBeforeReanalysis_andOneRunningJobPerRelease(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            List<Long> r = releases(db, 3);
            WorkQueue q = new WorkQueue(db);
            q.enqueue(WorkQueue.KIND_ANALYSE, r.get(0), WorkQueue.PRIORITY_ADVISORIES, "advisories", 3, T0);
            q.enqueue(WorkQueue.KIND_ANALYSE, r.get(1), WorkQueue.PRIORITY_UPLOAD, "upload", 3, T0);
            q.enqueue(WorkQueue.KIND_ANALYSE, r.get(2), WorkQueue.PRIORITY_REQUEST, "request", 3, T0);
            Job first = q.claim("w1", T0).orElseThrow();
            assertThat(first.releaseId()).isEqualTo(r.get(1));
            assertThat(first.state()).isEqualTo("running");
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.lockedBy()).isEqualTo("w1");
            // an upload while its analysis runs: queued, but not claimable until the running one finishes
            Job queuedAgain = q.enqueue(WorkQueue.KIND_ANALYSE, r.get(1), WorkQueue.PRIORITY_UPLOAD, "upload 2", 3, T0);
            assertThat(queuedAgain.id()).isNotEqualTo(first.id());
            assertThat(q.claim("w2", T0).orElseThrow().releaseId()).isEqualTo(r.get(2));
            assertThat(q.claim("w2", T0).orElseThrow().releaseId()).isEqualTo(r.get(0));
            assertThat(q.claim("w3", T0)).isEmpty();
            q.complete(first.id(), "{\"added\":1}", T0.plusSeconds(1));
            Job done = q.find(first.id()).orElseThrow();
            assertThat(done.state()).isEqualTo("done");
            assertThat(done.result()).isEqualTo("{\"added\":1}");
            assertThat(done.finished()).isTrue();
            assertThat(q.claim("w3", T0.plusSeconds(1)).orElseThrow().id()).isEqualTo(queuedAgain.id());
            assertThat(q.latest(r.get(1))).map(Job::id).contains(queuedAgain.id());
            assertThat(q.history(r.get(1), 10)).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void fail_retriesAfterADelay_thenGivesUp(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            long r = releases(db, 1).getFirst();
            WorkQueue q = new WorkQueue(db);
            q.enqueue(WorkQueue.KIND_ANALYSE, r, WorkQueue.PRIORITY_UPLOAD, "upload", 2, T0);
            Job j = q.claim("w", T0).orElseThrow();
            q.fail(j.id(), "boom", Duration.ofSeconds(30), T0);
            assertThat(q.find(j.id()).orElseThrow().state()).isEqualTo("queued");
            assertThat(q.find(j.id()).orElseThrow().lastError()).isEqualTo("boom");
            assertThat(q.claim("w", T0.plusSeconds(10))).as("not before the delay").isEmpty();
            Job again = q.claim("w", T0.plusSeconds(30)).orElseThrow();
            assertThat(again.attempts()).isEqualTo(2);
            q.fail(again.id(), "boom again", Duration.ofSeconds(30), T0.plusSeconds(31));
            Job failed = q.find(j.id()).orElseThrow();
            assertThat(failed.state()).isEqualTo("failed");
            assertThat(failed.finishedAt()).isEqualTo(T0.plusSeconds(31));
            assertThat(q.claim("w", T0.plusSeconds(100))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void recoverStale_putsBackTheJobOfADeadWorker(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            long r = releases(db, 1).getFirst();
            WorkQueue q = new WorkQueue(db);
            q.enqueue(WorkQueue.KIND_ANALYSE, r, WorkQueue.PRIORITY_UPLOAD, "upload", 3, T0);
            Job j = q.claim("dead-node", T0).orElseThrow();
            assertThat(q.recoverStale(T0.minusSeconds(1), T0.plusSeconds(1))).isZero();
            assertThat(q.recoverStale(T0.plusSeconds(600), T0.plusSeconds(601))).isEqualTo(1);
            Job back = q.find(j.id()).orElseThrow();
            assertThat(back.state()).isEqualTo("queued");
            assertThat(back.lastError()).contains("dead-node");
            assertThat(q.claim("live-node", T0.plusSeconds(601)).orElseThrow().id()).isEqualTo(j.id());
            q.complete(j.id(), null, T0.plusSeconds(602));
            assertThat(q.purgeFinished(T0.plusSeconds(10_000))).as("the latest job of a release is kept").isZero();
        }
    }

    /** Several workers claiming at once never take the same job, nor two jobs of one release. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void claim_concurrentWorkers_takeEachJobOnce(DatabaseKind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            List<Long> r = releases(db, 20);
            WorkQueue q = new WorkQueue(db);
            for (long id : r) {
                q.enqueue(WorkQueue.KIND_ANALYSE, id, WorkQueue.PRIORITY_UPLOAD, "upload", 3, T0);
            }
            int workers = 4;
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            CountDownLatch start = new CountDownLatch(1);
            Set<Long> claimed = ConcurrentHashMap.newKeySet();
            List<Long> duplicates = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String name = "w" + w;
                futures.add(pool.submit(() -> {
                    start.await();
                    while (true) {
                        Optional<Job> j = q.claim(name, T0);
                        if (j.isEmpty()) {
                            if (q.counts().get("queued") == 0) {
                                return null;
                            }
                            continue;
                        }
                        if (!claimed.add(j.get().id())) {
                            duplicates.add(j.get().id());
                        }
                        q.complete(j.get().id(), null, T0);
                    }
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(duplicates).isEmpty();
            assertThat(claimed).hasSize(20);
            assertThat(new HashSet<>(q.counts().values())).contains(20L);
        }
    }
}
