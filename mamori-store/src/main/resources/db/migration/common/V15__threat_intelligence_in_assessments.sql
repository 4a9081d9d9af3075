-- The threat intelligence of the store in the portfolio's assessments: what the weakness classifier reads of the CWE
-- catalogue, and the KEV and EPSS data each release's stored assessments were made with (so that a KEV or EPSS
-- import re-analyses only the releases it changes).
-- Portable SQL: runs unchanged on SQLite and PostgreSQL.

-- Per CWE entry: how many modes of introduction cwe_introduction holds for it. Null for rows written before this
-- version, which kept only the distinct phases (without the notes the classifier reads): importing a CWE catalogue
-- again rewrites them.
ALTER TABLE cwe_entry ADD COLUMN introductions INTEGER;

-- A weakness's modes of introduction in catalogue order (a phase may repeat; the note decides e.g. REALIZATION).
CREATE TABLE cwe_introduction (
    cwe_id TEXT    NOT NULL,
    seq    INTEGER NOT NULL,
    phase  TEXT    NOT NULL,
    note   TEXT,
    PRIMARY KEY (cwe_id, seq)
);

-- A weakness's ChildOf parents, those of the Research Concepts view (1000) first, each once.
CREATE TABLE cwe_parent (
    cwe_id    TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    parent_id TEXT    NOT NULL,
    PRIMARY KEY (cwe_id, seq)
);

-- Per release and CVE of its present findings: the store's KEV listing (kev = 1, with the fields an assessment
-- shows) and EPSS score (null: none, or one without a percentile, which is not used) that its assessments used.
-- Written by each analysis, replacing the release's rows. Compared with kev_entry and epss_score after an import.
CREATE TABLE assessment_basis (
    release_id         BIGINT           NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    cve_id             VARCHAR(100)     NOT NULL,
    kev                SMALLINT         NOT NULL,
    kev_date_added     TEXT,
    kev_due_date       TEXT,
    kev_ransomware_use TEXT,
    epss               DOUBLE PRECISION,
    epss_percentile    DOUBLE PRECISION,
    PRIMARY KEY (release_id, cve_id)
);
CREATE INDEX assessment_basis_by_cve ON assessment_basis (cve_id);

-- Releases analysed before this version were assessed without KEV, EPSS and the CWE catalogue: the server queues
-- each once at its next start, then deletes this row.
INSERT INTO portfolio_state (name, value, updated_at)
VALUES ('threats.reanalyse-all', 'V15', '1970-01-01T00:00:00.000Z');
