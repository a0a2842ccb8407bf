-- casefile on PostgreSQL, version 8: the model a linkage scores with.
--
-- The run of `link` or `dedupe` that fits a model stores it (JSON: per
-- field and level the m and u probabilities, and the prior) with the run;
-- later runs of the same scope score with the latest stored model instead
-- of estimating again, so that appended records do not move the clusters
-- of the records already linked. NULL for runs that reused a model.

ALTER TABLE linkage_runs ADD COLUMN model TEXT;
