-- casefile on PostgreSQL, version 9: what a linkage keeps for its next run.
--
-- Each run of `link` or `dedupe` keeps, per linkage, the candidate pairs
-- near or above the report floor with their comparison patterns and the
-- blocking rules that paired them (casefile_link::KeptPairs, bytes: record
-- indices and patterns, no record content). The next run after an append
-- compares only the new records and takes the rest from here. One row a
-- linkage, replaced by every run; a linkage without one compares every
-- pair on its next run.

CREATE TABLE linkage_pairs (
    scope TEXT PRIMARY KEY,
    run   BIGINT NOT NULL REFERENCES linkage_runs(id),
    pairs BYTEA NOT NULL
);
