package dev.mamori.store.queue;

import dev.mamori.store.Database;
import dev.mamori.store.DatabaseKind;
import dev.mamori.store.Sql;
import dev.mamori.store.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The durable work queue in the database.
 *
 * <ul>
 *   <li>Priorities: higher runs first ({@link #PRIORITY_UPLOAD} before {@link #PRIORITY_ADVISORIES}).</li>
 *   <li>One queued job per release and kind: enqueueing again raises the queued job's priority instead of adding one.</li>
 *   <li>One running job per release: a job is not claimed while its release has one running (and a partial unique
 *       index makes it a database fact).</li>
 *   <li>Claiming is one statement: {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so any number of workers on any
 *       number of nodes take different jobs; on SQLite, which has one writer, an {@code UPDATE … WHERE state =
 *       'queued'} is atomic by itself.</li>
 *   <li>A job whose worker died (locked too long ago) is put back by {@link #recoverStale}.</li>
 * </ul>
 */
public final class WorkQueue {
    public static final String KIND_ANALYSE = "analyse_release";
    public static final int PRIORITY_UPLOAD = 100;
    public static final int PRIORITY_REQUEST = 50;
    public static final int PRIORITY_ADVISORIES = 10;

    private static final String COLUMNS = "id, kind, release_id, priority, state, reason, attempts, max_attempts, not_before, "
            + "created_at, started_at, finished_at, locked_by, locked_at, last_error, result";

    private final Database db;
    private final JdbcClient jdbc;

    public WorkQueue(Database db) {
        this.db = db;
        this.jdbc = db.jdbc();
    }

    /**
     * Queues work for a release, or raises the priority of the same work already queued (keeping the reason of the
     * most urgent request). Returns the queued job.
     */
    public Job enqueue(String kind, long releaseId, int priority, String reason, int maxAttempts, Instant now) {
        for (int attempt = 0; ; attempt++) {
            try {
                return db.inTransaction(() -> {
                    Optional<Job> queued = queued(kind, releaseId);
                    if (queued.isPresent()) {
                        Job q = queued.get();
                        if (priority > q.priority()) {
                            jdbc.sql("update work_queue set priority = :p, reason = :r where id = :id and state = 'queued'")
                                    .param("p", priority).param("r", reason).param("id", q.id()).update();
                        }
                        return find(q.id()).orElseThrow();
                    }
                    long id = jdbc.sql("""
                                    insert into work_queue (kind, release_id, priority, state, reason, attempts, max_attempts,
                                      not_before, created_at)
                                    values (:kind, :release, :p, 'queued', :r, 0, :max, :now, :now) returning id""")
                            .param("kind", kind).param("release", releaseId).param("p", priority).param("r", reason)
                            .param("max", maxAttempts).param("now", Timestamps.format(now))
                            .query(Long.class).single();
                    return find(id).orElseThrow();
                });
            } catch (DataAccessException e) {
                if (!Sql.isUniqueViolation(e) || attempt >= 3) {
                    throw e;
                }
                // another node queued the same work between our look and our insert: look again
            }
        }
    }

    /** Takes the most urgent job that may run now, or nothing. */
    public Optional<Job> claim(String worker, Instant now) {
        String pick = """
                select q.id from work_queue q
                where q.state = 'queued' and q.not_before <= :now
                  and not exists (select 1 from work_queue r where r.release_id = q.release_id and r.state = 'running')
                order by q.priority desc, q.id limit 1""";
        String sql = db.kind() == DatabaseKind.POSTGRESQL
                ? "update work_queue set state = 'running', locked_by = :w, locked_at = :now, started_at = :now, "
                        + "attempts = attempts + 1 where id = (" + pick + " for update skip locked) returning id"
                : "update work_queue set state = 'running', locked_by = :w, locked_at = :now, started_at = :now, "
                        + "attempts = attempts + 1 where id = (" + pick + ") and state = 'queued' returning id";
        try {
            Optional<Long> id = db.inTransaction(() -> jdbc.sql(sql).param("w", worker).param("now", Timestamps.format(now))
                    .query(Long.class).optional());
            return id.flatMap(this::find);
        } catch (DataAccessException e) {
            if (Sql.isUniqueViolation(e)) {
                return Optional.empty(); // its release got a running job in the meantime; it stays queued
            }
            throw e;
        }
    }

    /** Marks a running job done. */
    public void complete(long id, String result, Instant now) {
        jdbc.sql("update work_queue set state = 'done', finished_at = :now, result = :result, locked_by = null, locked_at = null "
                        + "where id = :id and state = 'running'")
                .param("now", Timestamps.format(now)).param("result", result).param("id", id).update();
    }

    /**
     * Records a failure: the job is queued again after {@code retryAfter} while it has attempts left (and no newer
     * request for the same work is queued, which would redo it anyway), else it is failed.
     */
    public void fail(long id, String error, Duration retryAfter, Instant now) {
        db.inTransaction(() -> {
            Job job = find(id).orElse(null);
            if (job == null || !Job.RUNNING.equals(job.state())) {
                return;
            }
            boolean retry = job.attempts() < job.maxAttempts() && queued(job.kind(), job.releaseId()).isEmpty();
            jdbc.sql("update work_queue set state = :state, last_error = :error, not_before = :nb, finished_at = :fin, "
                            + "locked_by = null, locked_at = null where id = :id")
                    .param("state", retry ? Job.QUEUED : Job.FAILED)
                    .param("error", error)
                    .param("nb", Timestamps.format(retry ? now.plus(retryAfter) : job.notBefore()))
                    .param("fin", retry ? null : Timestamps.format(now))
                    .param("id", id)
                    .update();
        });
    }

    /** Puts back jobs whose worker has held them since before {@code lockedBefore}; returns how many. */
    public int recoverStale(Instant lockedBefore, Instant now) {
        List<Job> stale = jdbc.sql("select " + COLUMNS + " from work_queue where state = 'running' and locked_at < :cutoff")
                .param("cutoff", Timestamps.format(lockedBefore)).query(WorkQueue::map).list();
        for (Job j : stale) {
            fail(j.id(), "worker " + j.lockedBy() + " stopped answering (locked since " + j.lockedAt() + ")", Duration.ZERO, now);
        }
        return stale.size();
    }

    public Optional<Job> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from work_queue where id = :id").param("id", id).query(WorkQueue::map).optional();
    }

    /** The release's most recent job of any state. */
    public Optional<Job> latest(long releaseId) {
        return jdbc.sql("select " + COLUMNS + " from work_queue where release_id = :r order by id desc limit 1")
                .param("r", releaseId).query(WorkQueue::map).optional();
    }

    /** Jobs of the release, newest first. */
    public List<Job> history(long releaseId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from work_queue where release_id = :r order by id desc limit :limit")
                .param("r", releaseId).param("limit", limit).query(WorkQueue::map).list();
    }

    /** Jobs per state. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String s : List.of(Job.QUEUED, Job.RUNNING, Job.DONE, Job.FAILED)) {
            out.put(s, 0L);
        }
        jdbc.sql("select state, count(*) from work_queue group by state").query(rs -> {
            out.put(rs.getString(1), rs.getLong(2));
        });
        return out;
    }

    /** Deletes finished jobs older than the cutoff, keeping each release's latest job. */
    public int purgeFinished(Instant finishedBefore) {
        return jdbc.sql("""
                        delete from work_queue where state in ('done', 'failed') and finished_at < :cutoff
                          and id not in (select max(id) from work_queue group by release_id)""")
                .param("cutoff", Timestamps.format(finishedBefore)).update();
    }

    private Optional<Job> queued(String kind, long releaseId) {
        return jdbc.sql("select " + COLUMNS + " from work_queue where kind = :kind and release_id = :r and state = 'queued'")
                .param("kind", kind).param("r", releaseId).query(WorkQueue::map).optional();
    }

    private static Job map(ResultSet rs, int n) throws SQLException {
        return new Job(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                rs.getInt(8), Timestamps.parse(rs.getString(9)), Timestamps.parse(rs.getString(10)), Timestamps.parse(rs.getString(11)),
                Timestamps.parse(rs.getString(12)), rs.getString(13), Timestamps.parse(rs.getString(14)), rs.getString(15),
                rs.getString(16));
    }
}
