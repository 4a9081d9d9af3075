-- Dialect copy: the SQLite and PostgreSQL scripts of this version differ only in the id column type.
-- Who changed what, when: one row per change, with the entity before and after as JSON. Append-only.
CREATE TABLE audit_log (
    id          ${identity_primary_key},
    occurred_at VARCHAR(30)  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    action      VARCHAR(60)  NOT NULL,
    entity_type VARCHAR(40)  NOT NULL,
    entity_id   VARCHAR(100) NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX audit_log_by_entity ON audit_log (entity_type, entity_id, id);
