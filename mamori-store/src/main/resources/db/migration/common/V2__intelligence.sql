-- Vulnerability intelligence: every advisory as its source published it, the indexes the matcher and the reaction
-- path look it up by, CISA KEV, FIRST EPSS, MITRE CWE, and what the store knows about each source.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL.
--
-- Instants the store writes (imported_at, last_sync, …) are UTC text of fixed width (2026-11-25T10:15:30.123Z), so
-- text order is time order. Timestamps of the sources (published, modified, withdrawn) are kept as written.
-- Nothing here is ever deleted by an import: a record that disappears upstream stays, a withdrawn one is marked.
-- The index tables carry no foreign keys: only the store writes them, in the same transaction as the advisory.

-- One row per (source, id): 'osv/GHSA' + 'GHSA-…', 'nvd' + 'CVE-…', 'jvn' + 'JVNDB-…', 'csaf/<publisher>' + …
CREATE TABLE advisory (
    source            TEXT     NOT NULL,
    advisory_id       TEXT     NOT NULL,
    content           TEXT     NOT NULL, -- AdvisoryCodec Form.WITHOUT_ORIGIN: the record, origin and fetch time aside
    content_sha256    CHAR(64) NOT NULL, -- of Form.COMPARABLE (no positions in the file); equal = no write on re-import
    published         TEXT,
    modified          TEXT,
    withdrawn         TEXT,              -- when the source withdrew or rejected it; null while in force
    origin            TEXT,              -- the file, archive entry or URL this copy was read from
    fetched_at        TEXT,
    upstream_modified TEXT,
    imported_at       TEXT     NOT NULL, -- when this content was written (first import or last change)
    -- origin, fetched_at and the statements' locations are those of the import that last changed the record
    PRIMARY KEY (source, advisory_id)
);
CREATE INDEX advisory_imported_at ON advisory (imported_at);

-- Matcher: advisories filed under a package (PackageKey: purl type + canonical name).
CREATE TABLE advisory_package (
    ecosystem   TEXT NOT NULL,
    name        TEXT NOT NULL,
    source      TEXT NOT NULL,
    advisory_id TEXT NOT NULL,
    PRIMARY KEY (ecosystem, name, source, advisory_id)
);
CREATE INDEX advisory_package_advisory ON advisory_package (source, advisory_id);

-- Matcher and reaction path: advisories naming a CPE vendor:product (lower case).
CREATE TABLE advisory_cpe (
    vendor      TEXT NOT NULL,
    product     TEXT NOT NULL,
    source      TEXT NOT NULL,
    advisory_id TEXT NOT NULL,
    PRIMARY KEY (vendor, product, source, advisory_id)
);
CREATE INDEX advisory_cpe_advisory ON advisory_cpe (source, advisory_id);

-- Every id an advisory is known by (upper case) -> the advisory; kind: id, alias, upstream, related.
CREATE TABLE advisory_alias (
    alias       TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    advisory_id TEXT        NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    PRIMARY KEY (alias, source, advisory_id)
);
CREATE INDEX advisory_alias_advisory ON advisory_alias (source, advisory_id);

-- CISA Known Exploited Vulnerabilities, one row per CVE.
CREATE TABLE kev_entry (
    cve_id         TEXT     NOT NULL PRIMARY KEY,
    date_added     TEXT,
    due_date       TEXT,
    ransomware_use TEXT,
    content        TEXT     NOT NULL, -- AdvisoryCodec.encode(KevEntry)
    content_sha256 CHAR(64) NOT NULL,
    imported_at    TEXT     NOT NULL
);

-- FIRST EPSS, one row per CVE; the model version and score date of the file are in intel_source (feed_*).
CREATE TABLE epss_score (
    cve_id      TEXT             NOT NULL PRIMARY KEY,
    epss        DOUBLE PRECISION,
    percentile  DOUBLE PRECISION, -- null in the oldest files, which had none
    -- imported_at: when this score was written (first import or last change)
    imported_at TEXT             NOT NULL
);

-- MITRE CWE catalogue: weaknesses, categories and views.
CREATE TABLE cwe_entry (
    cwe_id         TEXT     NOT NULL PRIMARY KEY,
    kind           TEXT     NOT NULL,
    name           TEXT,
    abstraction    TEXT,
    content        TEXT     NOT NULL, -- AdvisoryCodec.encode(CweEntry)
    content_sha256 CHAR(64) NOT NULL,
    imported_at    TEXT     NOT NULL
);

-- Per source (an advisory source such as 'osv/GHSA' or 'nvd', or 'kev', 'epss', 'cwe'): what `mamori db status` shows.
CREATE TABLE intel_source (
    source          TEXT   NOT NULL PRIMARY KEY,
    kind            TEXT   NOT NULL, -- advisories, kev, epss, cwe
    records         BIGINT NOT NULL,
    withdrawn       BIGINT NOT NULL,
    last_sync       TEXT,            -- when data of this source was last imported or synced
    newest_modified TEXT,            -- the newest upstream modification seen, as a UTC instant
    feed_version    TEXT,            -- KEV catalogVersion, EPSS model_version, CWE catalogue version
    feed_date       TEXT,            -- KEV dateReleased, EPSS score_date, CWE catalogue date
    last_error      TEXT,
    last_error_at   TEXT
);
