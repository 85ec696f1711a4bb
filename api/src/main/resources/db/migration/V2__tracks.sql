-- Tracks across segment boundaries. Analyzers name tracks per segment (person-s3-2); the materializer joins the
-- tracks of neighbouring segments through the boxes of the shared boundary frame and serves one canonical id
-- per chain: the local id of the chain's earliest segment.

-- Every segment-local track seen, with the canonical id it is served under.
CREATE TABLE local_tracks (
    video_id  TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    track     TEXT NOT NULL,
    segment   INTEGER NOT NULL,
    canonical TEXT NOT NULL,
    PRIMARY KEY (video_id, track)
);
CREATE INDEX local_tracks_by_canonical ON local_tracks (video_id, canonical);

-- The boxes of a segment's boundary frames: its lead-in instants (lead_in, the last frame of the previous
-- segment as this segment's analyzer saw it) and its own instants at the last frame it analysed of each type.
-- A replayed segment replaces its rows.
CREATE TABLE boundary_boxes (
    video_id   TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    segment    INTEGER NOT NULL,
    lead_in    BOOLEAN NOT NULL,
    type       TEXT NOT NULL,
    track      TEXT NOT NULL,
    frame      BIGINT NOT NULL,
    box_left   DOUBLE PRECISION NOT NULL,
    box_top    DOUBLE PRECISION NOT NULL,
    box_right  DOUBLE PRECISION NOT NULL,
    box_bottom DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (video_id, segment, lead_in, type, track, frame)
);

-- The track an event was emitted with; the served track column holds the canonical id.
ALTER TABLE events ADD COLUMN local_track TEXT;
CREATE INDEX events_by_local_track ON events (video_id, local_track) WHERE local_track IS NOT NULL;
CREATE INDEX events_by_track ON events (video_id, track, start_ms, id) WHERE track IS NOT NULL;
CREATE INDEX fragments_by_track ON fragments (video_id, track) WHERE track IS NOT NULL;

-- Tracks stored before joining existed stay their own canonical track.
UPDATE events SET local_track = track WHERE track IS NOT NULL AND NOT merged;
INSERT INTO local_tracks (video_id, track, segment, canonical)
    SELECT video_id, track, min(segment), track FROM fragments WHERE track IS NOT NULL GROUP BY video_id, track
    ON CONFLICT DO NOTHING;
INSERT INTO local_tracks (video_id, track, segment, canonical)
    SELECT video_id, local_track, 0, local_track FROM events WHERE local_track IS NOT NULL
    GROUP BY video_id, local_track
    ON CONFLICT DO NOTHING;
