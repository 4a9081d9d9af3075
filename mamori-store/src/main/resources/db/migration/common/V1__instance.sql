-- The store's birth certificate: one row, written at first start.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL.
CREATE TABLE mamori_instance (
    id                 INTEGER     NOT NULL PRIMARY KEY,
    created_at         VARCHAR(40) NOT NULL,
    created_by_version VARCHAR(40) NOT NULL,
    CONSTRAINT mamori_instance_single_row CHECK (id = 1)
);
