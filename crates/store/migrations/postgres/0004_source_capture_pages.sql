-- The WARC record a captured page was read from (JSON WebCapture) and the
-- page map of a PDF (JSON PageMap); NULL for every other source.
ALTER TABLE sources ADD COLUMN capture TEXT;
ALTER TABLE sources ADD COLUMN pages TEXT;
