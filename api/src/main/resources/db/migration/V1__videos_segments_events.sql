-- One row per submitted video; the materializer moves it through the states.
CREATE TABLE videos (
    id                TEXT PRIMARY KEY,
    filename          TEXT NOT NULL,
    source_path       TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('QUEUED', 'DECODING', 'ANALYZING', 'COMPLETED', 'FAILED')),
    error             TEXT,
    decode_fraction   DOUBLE PRECISION NOT NULL DEFAULT 0,
    segment_ms        BIGINT,
    segments_expected INTEGER,            -- null until decoding completes
    segments_done     INTEGER NOT NULL DEFAULT 0,
    frames            BIGINT NOT NULL DEFAULT 0,
    corrupt_frames    INTEGER NOT NULL DEFAULT 0,
    duration_ms       BIGINT,
    frame_rate        DOUBLE PRECISION,
    width             INTEGER,
    height            INTEGER,
    rotation          INTEGER,
    container_format  TEXT,
    video_codec       TEXT,
    audio_codec       TEXT,
    has_audio         BOOLEAN,
    audio_sample_rate INTEGER,
    audio_channels    INTEGER,
    size_bytes        BIGINT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at      TIMESTAMPTZ
);
CREATE INDEX videos_newest ON videos (created_at DESC, id DESC);

-- One row per analysed segment; a replayed segment upserts the same row.
CREATE TABLE segments (
    video_id    TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    segment     INTEGER NOT NULL,
    frames      INTEGER NOT NULL,
    event_count INTEGER NOT NULL,
    error       TEXT,
    analyzer    TEXT,
    done_at     TIMESTAMPTZ,
    PRIMARY KEY (video_id, segment)
);

-- Interval fragments as the analyzers sent them; merged into events by (video, type, track).
CREATE TABLE fragments (
    id         TEXT PRIMARY KEY,
    video_id   TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    segment    INTEGER NOT NULL,
    type       TEXT NOT NULL,
    track      TEXT,
    open_start BOOLEAN NOT NULL,
    open_end   BOOLEAN NOT NULL,
    start_ms   BIGINT NOT NULL,
    end_ms     BIGINT NOT NULL,
    json       JSONB NOT NULL
);
CREATE INDEX fragments_chain ON fragments (video_id, type, track, segment);

-- The served events: whole events, and merged fragment chains (merged = true).
CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    video_id    TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    start_ms    BIGINT NOT NULL,
    end_ms      BIGINT NOT NULL,
    start_frame BIGINT NOT NULL,
    end_frame   BIGINT NOT NULL,
    confidence  DOUBLE PRECISION NOT NULL,
    track       TEXT,
    merged      BOOLEAN NOT NULL DEFAULT FALSE,
    json        JSONB NOT NULL
);
CREATE INDEX events_by_type ON events (video_id, type, start_ms);
CREATE INDEX events_by_time ON events (video_id, start_ms, id);
