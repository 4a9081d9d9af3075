-- Dialect copy: the SQLite and PostgreSQL scripts of this version differ only in the id column type.
-- Findings of each release (one per component key and vulnerability), triage decisions with their scope,
-- and comments. component_id points at the current component row (kept by the analysis, no foreign key so
-- that replacing 50,000 components needs no per-row check). status: 'present' or 'not_present' (with since, why and the version/SBOM that fixed it).
CREATE TABLE findings (
    id                   ${identity_primary_key},
    release_id           BIGINT        NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    component_id         BIGINT,
    component_key        VARCHAR(600)  NOT NULL,
    component_name       VARCHAR(1000) NOT NULL,
    component_version    VARCHAR(200),
    purl                 TEXT,
    package_ecosystem    VARCHAR(40)   NOT NULL,
    package_name         VARCHAR(1000) NOT NULL,
    vulnerability_id     VARCHAR(100)  NOT NULL,
    aliases              TEXT          NOT NULL,
    summary              TEXT,
    severity             VARCHAR(10)   NOT NULL,
    severity_rank        SMALLINT      NOT NULL,
    score                DOUBLE PRECISION,
    confidence           VARCHAR(10)   NOT NULL,
    evidence             TEXT          NOT NULL,
    fix                  TEXT          NOT NULL,
    fixed_version        VARCHAR(200),
    assessment           TEXT,
    status               VARCHAR(20)   NOT NULL,
    first_seen           VARCHAR(30)   NOT NULL,
    last_seen            VARCHAR(30)   NOT NULL,
    not_present_since    VARCHAR(30),
    not_present_reason   VARCHAR(40),
    fixed_in_sbom_id     BIGINT,
    fixed_in_version     VARCHAR(200),
    triage_state         VARCHAR(20)   NOT NULL,
    triage_justification VARCHAR(60),
    triage_decision_id   BIGINT,
    triage_updated_at    VARCHAR(30),
    updated_at           VARCHAR(30)   NOT NULL,
    CONSTRAINT findings_identity UNIQUE (release_id, component_key, vulnerability_id)
);
CREATE INDEX findings_by_severity ON findings (release_id, severity_rank, id);
CREATE INDEX findings_by_first_seen ON findings (release_id, first_seen, id);
CREATE INDEX findings_by_vulnerability ON findings (vulnerability_id, release_id);
CREATE INDEX findings_by_package ON findings (package_ecosystem, package_name);

-- scope 'release' (release_id), 'product' (product_id) or 'component_version' (every release with
-- package_ecosystem:package_name@component_version). Revoked decisions stay for the record.
CREATE TABLE triage_decisions (
    id                ${identity_primary_key},
    scope             VARCHAR(20)   NOT NULL,
    product_id        BIGINT        REFERENCES products (id) ON DELETE CASCADE,
    release_id        BIGINT        REFERENCES releases (id) ON DELETE CASCADE,
    package_ecosystem VARCHAR(40)   NOT NULL,
    package_name      VARCHAR(1000) NOT NULL,
    component_version VARCHAR(200),
    vulnerability_id  VARCHAR(100)  NOT NULL,
    state             VARCHAR(20)   NOT NULL,
    justification     VARCHAR(60),
    comment           TEXT,
    source            VARCHAR(500),
    author            VARCHAR(200)  NOT NULL,
    created_at        VARCHAR(30)   NOT NULL,
    revoked_at        VARCHAR(30),
    revoked_by        VARCHAR(200)
);
CREATE INDEX triage_decisions_by_package ON triage_decisions (package_ecosystem, package_name);
CREATE INDEX triage_decisions_by_vulnerability ON triage_decisions (vulnerability_id);

CREATE TABLE finding_comments (
    id         ${identity_primary_key},
    finding_id BIGINT       NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
    author     VARCHAR(200) NOT NULL,
    body       TEXT         NOT NULL,
    created_at VARCHAR(30)  NOT NULL
);
CREATE INDEX finding_comments_by_finding ON finding_comments (finding_id, id);
