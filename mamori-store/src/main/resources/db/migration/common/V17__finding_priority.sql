-- The finding's place in its release's priority order (1 = most urgent), set by each analysis from the priority
-- policy over every present finding of the release; null for findings analysed before this version until the next
-- analysis. A vulnerability found in several components has one rank.
ALTER TABLE findings ADD COLUMN priority_rank INTEGER;
CREATE INDEX findings_by_priority ON findings (release_id, priority_rank, id);
