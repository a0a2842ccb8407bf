-- casefile on PostgreSQL, version 5: what the web pages need.
--
-- 1. The language of a user's interface (`en`, `uk`, …), chosen on the
--    account page; NULL until chosen.
-- 2. The overview's counts of sources by language and kind, answered by an
--    index instead of reading every source.

ALTER TABLE users ADD COLUMN language TEXT;

CREATE INDEX sources_language_kind ON sources (language, kind);
