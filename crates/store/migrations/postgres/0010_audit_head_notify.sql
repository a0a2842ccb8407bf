-- casefile on PostgreSQL, version 10: every move of the audit head is
-- announced on the channel `casefile_audit_head` with the payload
-- "<schema> <seq>", delivered to listeners when the writer commits. A
-- server listens (casefile_store's postgres/head_watch.rs) so that its
-- requests need not read the head from the database each; the schema in
-- the payload tells projects sharing one database apart.

CREATE FUNCTION audit_head_announce() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('casefile_audit_head', TG_TABLE_SCHEMA || ' ' || NEW.seq);
    RETURN NULL;
END
$$;

CREATE TRIGGER audit_head_announce
    AFTER UPDATE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_head_announce();
