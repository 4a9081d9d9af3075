-- Dialect copy: the SQLite and PostgreSQL scripts of this version differ only in the id column type.
-- Access: API keys (only a SHA-256 of the key is kept) and user accounts (PBKDF2 password hashes).
-- scopes: comma-separated subset of read,write,admin.
CREATE TABLE api_keys (
    id           ${identity_primary_key},
    name         VARCHAR(200) NOT NULL,
    key_hash     CHAR(64)     NOT NULL,
    key_prefix   VARCHAR(20)  NOT NULL,
    scopes       VARCHAR(40)  NOT NULL,
    created_at   VARCHAR(30)  NOT NULL,
    created_by   VARCHAR(200) NOT NULL,
    expires_at   VARCHAR(30),
    last_used_at VARCHAR(30),
    revoked_at   VARCHAR(30),
    CONSTRAINT api_keys_hash_unique UNIQUE (key_hash)
);

CREATE TABLE users (
    id            ${identity_primary_key},
    username      VARCHAR(200) NOT NULL,
    password_hash VARCHAR(300) NOT NULL,
    scopes        VARCHAR(40)  NOT NULL,
    created_at    VARCHAR(30)  NOT NULL,
    created_by    VARCHAR(200) NOT NULL,
    disabled_at   VARCHAR(30),
    CONSTRAINT users_username_unique UNIQUE (username)
);
