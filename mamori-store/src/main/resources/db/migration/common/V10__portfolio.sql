-- Dialect copy: the SQLite and PostgreSQL scripts of this version differ only in the id column type.
-- Portfolio: products, their releases, every SBOM uploaded for a release (kept as uploaded, in
-- DATA_DIR/sboms by SHA-256), and the components of each release's current SBOM.
-- Timestamps are UTC ISO-8601 text of fixed width (2026-11-25T10:15:30.123Z), so they sort as text.
CREATE TABLE products (
    id           ${identity_primary_key},
    name         VARCHAR(200)  NOT NULL,
    name_key     VARCHAR(200)  NOT NULL,
    owner_team   VARCHAR(200),
    description  TEXT,
    risk_profile TEXT,
    created_at   VARCHAR(30)   NOT NULL,
    updated_at   VARCHAR(30)   NOT NULL,
    CONSTRAINT products_name_unique UNIQUE (name_key)
);

CREATE TABLE product_tags (
    product_id BIGINT       NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    tag        VARCHAR(100) NOT NULL,
    PRIMARY KEY (product_id, tag)
);
CREATE INDEX product_tags_by_tag ON product_tags (tag, product_id);

CREATE TABLE releases (
    id              ${identity_primary_key},
    product_id      BIGINT       NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    version         VARCHAR(200) NOT NULL,
    released_at     VARCHAR(10),
    supported_until VARCHAR(10),
    current_sbom_id BIGINT,
    created_at      VARCHAR(30)  NOT NULL,
    updated_at      VARCHAR(30)  NOT NULL,
    CONSTRAINT releases_version_unique UNIQUE (product_id, version)
);

CREATE TABLE sbom_documents (
    id                 ${identity_primary_key},
    release_id         BIGINT       NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    uploaded_at        VARCHAR(30)  NOT NULL,
    uploaded_by        VARCHAR(200) NOT NULL,
    format             VARCHAR(20)  NOT NULL,
    spec_version       VARCHAR(20),
    encoding           VARCHAR(20),
    media_type         VARCHAR(200),
    file_name          VARCHAR(500),
    sha256             CHAR(64)     NOT NULL,
    size_bytes         BIGINT       NOT NULL,
    serial_number      VARCHAR(500),
    document_timestamp VARCHAR(60),
    component_count    INTEGER      NOT NULL,
    warning_count      INTEGER      NOT NULL,
    warnings           TEXT
);
CREATE INDEX sbom_documents_by_release ON sbom_documents (release_id, id);

-- role: 'component', or 'subject' for the component the SBOM describes.
-- component_key identifies "the same component" across uploads: ecosystem:name@version (qualifiers dropped).
CREATE TABLE release_components (
    id                ${identity_primary_key},
    release_id        BIGINT        NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    sbom_id           BIGINT        NOT NULL REFERENCES sbom_documents (id) ON DELETE CASCADE,
    role              VARCHAR(10)   NOT NULL,
    bom_ref           VARCHAR(1000),
    type              VARCHAR(40),
    group_name        VARCHAR(500),
    name              VARCHAR(1000) NOT NULL,
    version           VARCHAR(200),
    purl              TEXT,
    package_ecosystem VARCHAR(40),
    package_name      VARCHAR(1000),
    cpes              TEXT,
    component_key     VARCHAR(600)  NOT NULL
);
CREATE INDEX release_components_by_release ON release_components (release_id, id);
CREATE INDEX release_components_by_package ON release_components (package_ecosystem, package_name, id);
