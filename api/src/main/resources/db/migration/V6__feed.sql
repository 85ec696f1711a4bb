-- The event feed: cross-video search and the per-video stream read events in the order they were written.
--
-- Every event carries its video's tenant and course (search filters on them without a join) and a feed position
-- (tx, seq): tx is the id of the transaction that last changed the row, seq a sequence value drawn at that change.
-- Readers serve only rows with tx below the horizon pg_snapshot_xmin(pg_current_snapshot()): every transaction
-- below it has finished, so no later commit can land behind a position already served. A write that leaves the
-- row as it was (a replayed segment) keeps its position, so it is not served again.

CREATE SEQUENCE events_feed_seq;

ALTER TABLE events ADD COLUMN tenant_id TEXT;
ALTER TABLE events ADD COLUMN course_id TEXT;
ALTER TABLE events ADD COLUMN tx xid8;
ALTER TABLE events ADD COLUMN seq BIGINT;

-- Existing rows: one transaction, numbered in (video, start, id) order.
UPDATE events e SET tenant_id = v.tenant_id, course_id = v.course_id, tx = pg_current_xact_id(), seq = n.seq
FROM videos v, (SELECT id, nextval('events_feed_seq') AS seq
                FROM (SELECT id FROM events ORDER BY video_id, start_ms, id) o) n
WHERE v.id = e.video_id AND n.id = e.id;

ALTER TABLE events ALTER COLUMN tenant_id SET NOT NULL;
ALTER TABLE events ALTER COLUMN course_id SET NOT NULL;
ALTER TABLE events ALTER COLUMN tx SET NOT NULL;
ALTER TABLE events ALTER COLUMN seq SET NOT NULL;

-- Set here rather than by each writer so that every insert path (materializer, command line, tests, a future
-- writer) gets them. An update that changes nothing keeps the row's position.
CREATE FUNCTION events_feed_position() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.video_id IS NOT DISTINCT FROM OLD.video_id
                AND NEW.tenant_id IS NOT DISTINCT FROM OLD.tenant_id
                AND NEW.course_id IS NOT DISTINCT FROM OLD.course_id THEN
            NEW.tx := OLD.tx;
            NEW.seq := OLD.seq;
            IF NEW IS NOT DISTINCT FROM OLD THEN
                RETURN NEW;
            END IF;
        END IF;
    END IF;
    IF TG_OP = 'INSERT' OR NEW.video_id IS DISTINCT FROM OLD.video_id THEN
        SELECT v.tenant_id, v.course_id INTO NEW.tenant_id, NEW.course_id FROM videos v WHERE v.id = NEW.video_id;
    END IF;
    NEW.tx := pg_current_xact_id();
    NEW.seq := nextval('events_feed_seq');
    RETURN NEW;
END
$$;

CREATE TRIGGER events_feed_position BEFORE INSERT OR UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION events_feed_position();

-- A video moved to another course (or tenant) takes its events along; they reach other readers now, so they
-- are written again (new positions).
CREATE FUNCTION videos_feed_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events SET tenant_id = NEW.tenant_id, course_id = NEW.course_id
    WHERE video_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER videos_feed_owner AFTER UPDATE OF tenant_id, course_id ON videos
    FOR EACH ROW WHEN (NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.course_id IS DISTINCT FROM OLD.course_id)
    EXECUTE FUNCTION videos_feed_owner();

-- Search: a tenant's feed, optionally one type; a course's feed; a video's feed (the stream, search by video).
CREATE INDEX events_feed ON events (tenant_id, tx, seq);
CREATE INDEX events_feed_by_type ON events (tenant_id, type, tx, seq);
CREATE INDEX events_feed_by_course ON events (course_id, tx, seq);
CREATE INDEX events_feed_by_video ON events (video_id, tx, seq);
