-- Dialect copy: the SQLite and PostgreSQL scripts of this version differ only in the id column type.
-- The durable work queue: analysis of a release (on upload, on request, after advisories changed).
-- priority: higher runs first (a user's upload before scheduled re-analysis).
-- At most one queued and one running job per release and kind, enforced by partial unique indexes.
CREATE TABLE work_queue (
    id           ${identity_primary_key},
    kind         VARCHAR(40)  NOT NULL,
    release_id   BIGINT       NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    priority     INTEGER      NOT NULL,
    state        VARCHAR(12)  NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    attempts     INTEGER      NOT NULL,
    max_attempts INTEGER      NOT NULL,
    not_before   VARCHAR(30)  NOT NULL,
    created_at   VARCHAR(30)  NOT NULL,
    started_at   VARCHAR(30),
    finished_at  VARCHAR(30),
    locked_by    VARCHAR(200),
    locked_at    VARCHAR(30),
    last_error   TEXT,
    result       TEXT
);
CREATE UNIQUE INDEX work_queue_one_queued ON work_queue (kind, release_id) WHERE state = 'queued';
CREATE UNIQUE INDEX work_queue_one_running ON work_queue (release_id) WHERE state = 'running';
CREATE INDEX work_queue_claim ON work_queue (state, priority, id);
CREATE INDEX work_queue_by_release ON work_queue (release_id, id);

-- Small named values the server keeps between starts (e.g. the fingerprint of the advisories last analysed).
CREATE TABLE portfolio_state (
    name       VARCHAR(100) NOT NULL PRIMARY KEY,
    value      TEXT,
    updated_at VARCHAR(30)  NOT NULL
);
