-- Every uploaded document (SBOMs, VEX) exactly as received, gzip-compressed, named by the SHA-256 of the original
-- bytes: in the database rather than on a node's disk, so application nodes keep no state of their own and "what
-- did we ship" is answered from the one backup. Written in the same transaction as the record that refers to it;
-- the same document uploaded twice is one row. Documents uploaded before this version stay in DATA_DIR/sboms and are
-- still served from there.
CREATE TABLE uploaded_documents (
    sha256        VARCHAR(64)  NOT NULL PRIMARY KEY,
    size_bytes    BIGINT       NOT NULL,
    stored_bytes  BIGINT       NOT NULL,
    encoding      VARCHAR(10)  NOT NULL,
    stored_at     VARCHAR(40)  NOT NULL,
    content       ${blob}      NOT NULL
);
