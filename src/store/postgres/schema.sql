-- privdesk's register on PostgreSQL (design.md "The register behind one seam"), made by
-- `privdesk db init`: schema and roles only, never a journal line. Idempotent: every statement
-- may run again on a register that already has it. {owner}, {handler} and {fg} are the role
-- names (the prefix checked to be a plain identifier before it is put in).

DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{owner}') THEN
        CREATE ROLE {owner} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{handler}') THEN
        CREATE ROLE {handler} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{fg}') THEN
        CREATE ROLE {fg} NOLOGIN;
    END IF;
END
$roles$;

CREATE SCHEMA IF NOT EXISTS privdesk AUTHORIZATION {owner};

-- The exact bytes of journal.jsonl's lines (without the newline), one row per change.
CREATE TABLE IF NOT EXISTS privdesk.journal (
    seq bigint PRIMARY KEY,
    case_ids text[] NOT NULL,
    line text NOT NULL,
    prev text NOT NULL,
    hash text NOT NULL
);
CREATE INDEX IF NOT EXISTS journal_case_ids ON privdesk.journal USING gin (case_ids);

-- Each case's record as of its last change; `version` is the seq of the last change to its
-- facts (what a save's versions are checked against), `written` the seq of the last line that
-- wrote the row (what a stale save is detected by).
CREATE TABLE IF NOT EXISTS privdesk.cases (
    id text PRIMARY KEY,
    version bigint NOT NULL,
    written bigint NOT NULL,
    record jsonb NOT NULL
);

CREATE TABLE IF NOT EXISTS privdesk.summaries (
    id text PRIMARY KEY,
    written bigint NOT NULL,
    summary jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS summaries_written ON privdesk.summaries (written);

-- One row: the journal's head, the number of cases, and the register's role prefix.
CREATE TABLE IF NOT EXISTS privdesk.head (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    seq bigint NOT NULL,
    hash text NOT NULL,
    cases bigint NOT NULL,
    roles text NOT NULL
);
INSERT INTO privdesk.head (one, seq, hash, cases, roles)
    VALUES (true, 0, repeat('0', 64), 0, '{prefix}')
    ON CONFLICT (one) DO NOTHING;

ALTER TABLE privdesk.journal OWNER TO {owner};
ALTER TABLE privdesk.cases OWNER TO {owner};
ALTER TABLE privdesk.summaries OWNER TO {owner};
ALTER TABLE privdesk.head OWNER TO {owner};

-- The journal is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (the owner too).
CREATE OR REPLACE FUNCTION privdesk.journal_append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = privdesk, pg_temp AS $fn$
BEGIN
    RAISE EXCEPTION 'privdesk: the journal is append-only' USING ERRCODE = 'PD008';
END
$fn$;
ALTER FUNCTION privdesk.journal_append_only() OWNER TO {owner};
DROP TRIGGER IF EXISTS journal_append_only ON privdesk.journal;
CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON privdesk.journal
    FOR EACH ROW EXECUTE FUNCTION privdesk.journal_append_only();
DROP TRIGGER IF EXISTS journal_no_truncate ON privdesk.journal;
CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON privdesk.journal
    FOR EACH STATEMENT EXECUTE FUNCTION privdesk.journal_append_only();

-- The one way to write: a change's line, the versions its user saw, and the case rows it
-- writes ([{id, base, record, summary}], `base` the `written` the client folded on, 0 for a
-- new case). One call is one transaction (READ COMMITTED).
--   PD001 the head or a row moved since the client read it (rebuild the line and retry)
--   PD002 a case the user saw was changed by someone else (DETAIL: {"case","user","at"})
--   PD003 the line's `at` is not near the server's clock
--   PD004 the caller's role may not make this change (the FG changes no case)
--   PD005 the line's `user` is not the login
--   PD006 the line is not a well-formed change line
--   PD007 the login is neither a handler nor the FG of this register
--   PD009 a case given to a name that is not a handler's login of this register
CREATE OR REPLACE FUNCTION privdesk.append(
    p_line text, p_seen_ids text[], p_seen_versions bigint[], p_rows jsonb
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = privdesk, pg_temp AS $fn$
DECLARE
    h record;
    j jsonb;
    computed text;
    ids text[];
    created bigint := 0;
    r jsonb;
    cur_version bigint;
    cur_written bigint;
    who jsonb;
    i int;
    next_seq bigint;
    is_handler boolean;
BEGIN
    SELECT * INTO h FROM privdesk.head WHERE one FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'privdesk: no head row' USING ERRCODE = 'PD006';
    END IF;
    next_seq := h.seq + 1;

    is_handler := pg_has_role(session_user, '{handler}', 'MEMBER');
    IF NOT is_handler AND NOT pg_has_role(session_user, '{fg}', 'MEMBER') THEN
        RAISE EXCEPTION 'privdesk: not a user of this register' USING ERRCODE = 'PD007';
    END IF;

    BEGIN
        j := p_line::jsonb;
    EXCEPTION WHEN others THEN
        RAISE EXCEPTION 'privdesk: the line is not JSON' USING ERRCODE = 'PD006';
    END;
    IF jsonb_typeof(j) <> 'object' OR jsonb_typeof(j->'events') <> 'array'
       OR (j->>'v') IS DISTINCT FROM '1'
       OR right(p_line, 75) !~ '^,"hash":"[0-9a-f]{64}"}$'
       OR coalesce(array_length(p_seen_ids, 1), 0) <> coalesce(array_length(p_seen_versions, 1), 0)
       OR jsonb_typeof(p_rows) <> 'array' THEN
        RAISE EXCEPTION 'privdesk: not a change line' USING ERRCODE = 'PD006';
    END IF;
    -- The hash rule of journal.jsonl: SHA-256 of the line without its final hash member.
    computed := encode(sha256(convert_to(left(p_line, length(p_line) - 75) || '}', 'UTF8')), 'hex');
    IF computed <> substr(p_line, length(p_line) - 65, 64) OR computed IS DISTINCT FROM j->>'hash' THEN
        RAISE EXCEPTION 'privdesk: the line''s hash does not match it' USING ERRCODE = 'PD006';
    END IF;

    IF (j->>'seq') IS DISTINCT FROM next_seq::text OR (j->>'prev') IS DISTINCT FROM h.hash THEN
        RAISE EXCEPTION 'privdesk: the head moved' USING ERRCODE = 'PD001';
    END IF;
    IF (j->>'user') IS DISTINCT FROM session_user::text THEN
        RAISE EXCEPTION 'privdesk: the line''s user is not the login' USING ERRCODE = 'PD005';
    END IF;
    BEGIN
        IF abs(extract(epoch FROM ((j->>'at')::timestamptz - clock_timestamp()))) > 10 THEN
            RAISE EXCEPTION 'privdesk: the line''s time is not now' USING ERRCODE = 'PD003';
        END IF;
    EXCEPTION WHEN invalid_datetime_format OR datetime_field_overflow OR null_value_not_allowed THEN
        RAISE EXCEPTION 'privdesk: the line''s time is unreadable' USING ERRCODE = 'PD006';
    END;
    IF (j->'events'->0->>'type' = 'register_created') <> (next_seq = 1)
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(j->'events') e
                  WHERE e->>'type' = 'register_created' AND next_seq <> 1) THEN
        RAISE EXCEPTION 'privdesk: only the first line creates the register' USING ERRCODE = 'PD006';
    END IF;

    -- The FG reads, exports, backs up and advises (issue 22): she decides and approves nothing.
    -- Her advice is kept on the case's record; a row she writes may differ from the case as
    -- it is only in its advice (the record's and the summary's `advice` member), so her line
    -- leaves the case's version, facts and decision as they were. Members that are null or
    -- absent compare equal (a record written by an older privdesk lacks the newer ones), and
    -- so do the summary's behandelaar members, which a summary from before issue 22 lacks.
    IF NOT is_handler THEN
        IF EXISTS (
            SELECT 1 FROM jsonb_array_elements(j->'events') e
            WHERE e->>'type' NOT IN ('viewed', 'exported', 'report_made', 'backed_up', 'advice_given')
        ) OR EXISTS (
            SELECT 1 FROM jsonb_array_elements(p_rows) fg_row
            WHERE NOT EXISTS (
                SELECT 1 FROM privdesk.cases c JOIN privdesk.summaries s ON s.id = c.id
                WHERE c.id = fg_row->>'id'
                  AND jsonb_strip_nulls(c.record - 'advice')
                      = jsonb_strip_nulls((fg_row->'record') - 'advice')
                  AND jsonb_strip_nulls(s.summary - ARRAY['advice', 'handler', 'awaiting_approval'])
                      = jsonb_strip_nulls((fg_row->'summary') - ARRAY['advice', 'handler', 'awaiting_approval']))
        ) THEN
            RAISE EXCEPTION 'privdesk: this role changes no case' USING ERRCODE = 'PD004';
        END IF;
    END IF;

    -- A case goes only to a handler of this register: a misspelt name would hide it from
    -- everyone's "mijn zaken".
    IF EXISTS (
        SELECT 1 FROM jsonb_array_elements(j->'events') e
        WHERE e->>'type' = 'handler_assigned'
          AND NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = e->>'handler'
                            AND r.rolcanlogin AND pg_has_role(r.oid, '{handler}', 'MEMBER'))
    ) THEN
        RAISE EXCEPTION 'privdesk: not a handler of this register' USING ERRCODE = 'PD009';
    END IF;

    ids := ARRAY(SELECT DISTINCT e->>'case' FROM jsonb_array_elements(j->'events') e
                 WHERE e ? 'case' ORDER BY 1);

    -- The versions the user saw.
    FOR i IN 1 .. coalesce(array_length(p_seen_ids, 1), 0) LOOP
        SELECT version INTO cur_version FROM privdesk.cases WHERE id = p_seen_ids[i];
        IF NOT FOUND THEN
            RAISE EXCEPTION 'privdesk: unknown case' USING ERRCODE = 'PD006';
        END IF;
        IF cur_version <> p_seen_versions[i] THEN
            SELECT jsonb_build_object('case', p_seen_ids[i], 'user', l.line::jsonb->>'user',
                                      'at', l.line::jsonb->>'at')
                INTO who FROM privdesk.journal l WHERE l.seq = cur_version;
            RAISE EXCEPTION 'privdesk: case changed by someone else' USING ERRCODE = 'PD002',
                DETAIL = coalesce(who, jsonb_build_object('case', p_seen_ids[i]))::text;
        END IF;
    END LOOP;

    -- The case rows, each folded on the row as it still is.
    FOR r IN SELECT * FROM jsonb_array_elements(p_rows) LOOP
        IF NOT ((r->>'id') = ANY (ids)) OR (r->'record'->>'id') IS DISTINCT FROM (r->>'id')
           OR NOT ((r->'record'->>'last_seq')::bigint BETWEEN 1 AND next_seq) THEN
            RAISE EXCEPTION 'privdesk: a row the line does not name' USING ERRCODE = 'PD006';
        END IF;
        SELECT written INTO cur_written FROM privdesk.cases WHERE id = r->>'id';
        IF NOT FOUND THEN
            IF (r->>'base')::bigint <> 0 THEN
                RAISE EXCEPTION 'privdesk: the case moved' USING ERRCODE = 'PD001';
            END IF;
            created := created + 1;
            INSERT INTO privdesk.cases (id, version, written, record)
                VALUES (r->>'id', (r->'record'->>'last_seq')::bigint, next_seq, r->'record');
        ELSE
            IF cur_written <> (r->>'base')::bigint THEN
                RAISE EXCEPTION 'privdesk: the case moved' USING ERRCODE = 'PD001';
            END IF;
            UPDATE privdesk.cases SET version = (r->'record'->>'last_seq')::bigint,
                written = next_seq, record = r->'record' WHERE id = r->>'id';
        END IF;
        INSERT INTO privdesk.summaries (id, written, summary)
            VALUES (r->>'id', next_seq, r->'summary')
            ON CONFLICT (id) DO UPDATE SET written = excluded.written, summary = excluded.summary;
    END LOOP;
    IF (j->>'cases') IS DISTINCT FROM (h.cases + created)::text THEN
        RAISE EXCEPTION 'privdesk: the line''s case count is wrong' USING ERRCODE = 'PD006';
    END IF;

    INSERT INTO privdesk.journal (seq, case_ids, line, prev, hash)
        VALUES (next_seq, ids, p_line, h.hash, computed);
    UPDATE privdesk.head SET seq = next_seq, hash = computed, cases = h.cases + created WHERE one;
    PERFORM pg_notify('privdesk', next_seq::text);
    RETURN next_seq;
END
$fn$;
ALTER FUNCTION privdesk.append(text, text[], bigint[], jsonb) OWNER TO {owner};

-- Grants: reading for both roles, writing only through append.
REVOKE ALL ON SCHEMA privdesk FROM PUBLIC;
GRANT USAGE ON SCHEMA privdesk TO {handler}, {fg};
REVOKE ALL ON ALL TABLES IN SCHEMA privdesk FROM PUBLIC, {handler}, {fg};
GRANT SELECT ON ALL TABLES IN SCHEMA privdesk TO {handler}, {fg};
REVOKE ALL ON FUNCTION privdesk.append(text, text[], bigint[], jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION privdesk.journal_append_only() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION privdesk.append(text, text[], bigint[], jsonb) TO {handler}, {fg};
