-- Binary by-products of analysed segments (slide keyframes, motion grids). A replayed segment replaces its rows.
CREATE TABLE artifacts (
    video_id     TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    segment      INTEGER NOT NULL,
    frame        BIGINT NOT NULL,
    start_ms     BIGINT NOT NULL,
    end_ms       BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    attributes   JSONB NOT NULL,
    data         BYTEA NOT NULL,
    PRIMARY KEY (video_id, kind, name)
);
CREATE INDEX artifacts_by_time ON artifacts (video_id, kind, start_ms);
CREATE INDEX artifacts_by_segment ON artifacts (video_id, segment);
