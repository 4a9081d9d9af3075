-- Why each component is in its release (the SBOM's dependencies and nesting, read from its subject down):
--   via_ref           the bom-ref just above it on its shortest chain from the subject (null for the subject and for
--                     components no dependency reaches); following it up gives the whole chain
--   dependency_depth  0 for the subject, 1 for a direct dependency, 2… for transitive ones; null when unreached
-- Rows stored before this version have both null until their release's SBOM is uploaded again.
ALTER TABLE release_components ADD COLUMN via_ref VARCHAR(1000);
ALTER TABLE release_components ADD COLUMN dependency_depth INTEGER;
