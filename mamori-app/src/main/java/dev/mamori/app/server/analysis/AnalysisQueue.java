package dev.mamori.app.server.analysis;

import dev.mamori.app.server.MamoriProperties;
import dev.mamori.store.queue.Job;
import dev.mamori.store.queue.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Queues analyses and wakes the workers of this node when the queue gets work (after the transaction commits). */
@Component
public class AnalysisQueue {
    private final WorkQueue queue;
    private final Clock clock;
    private final int maxAttempts;
    private final Semaphore signal = new Semaphore(0);

    AnalysisQueue(WorkQueue queue, Clock clock, MamoriProperties properties) {
        this.queue = queue;
        this.clock = clock;
        this.maxAttempts = properties.analysis().maxAttempts();
    }

    /** Queues an analysis of the release (or raises the priority of the one queued). Joins a running transaction. */
    public Job request(long releaseId, int priority, String reason) {
        Job job = queue.enqueue(WorkQueue.KIND_ANALYSE, releaseId, priority, reason, maxAttempts, clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
        return job;
    }

    void wake() {
        signal.release();
    }

    /** Waits until work may be there, at most {@code timeout}. */
    void await(Duration timeout) throws InterruptedException {
        if (signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
        }
    }
}
