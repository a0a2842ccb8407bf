-- casefile on PostgreSQL, version 6: the overview's counts of statements
-- by review status, answered by an index instead of reading every statement.

CREATE INDEX statements_status ON statements (status);
