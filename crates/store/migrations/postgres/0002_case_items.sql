-- A case gathers sources, entities and statements (version 1 held sources
-- only). Items are stored as (kind, id as text), as in the embedded store.
CREATE TABLE case_items (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    kind    TEXT COLLATE "C" NOT NULL CHECK (kind IN ('source', 'entity', 'statement')),
    item    TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (case_id, kind, item)
);

INSERT INTO case_items (case_id, kind, item)
    SELECT case_id, 'source', source_id FROM case_sources;

DROP TABLE case_sources;
