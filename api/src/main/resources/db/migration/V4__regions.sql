-- Regions of interest a user names per video (a sterile field, a workbench): boxes normalized to the display
-- frame, origin top left. The api measures the motion inside them from the stored motion grids on demand.
CREATE TABLE regions (
    video_id   TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    box_left   DOUBLE PRECISION NOT NULL,
    box_top    DOUBLE PRECISION NOT NULL,
    box_right  DOUBLE PRECISION NOT NULL,
    box_bottom DOUBLE PRECISION NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (video_id, name),
    CHECK (0 <= box_left AND box_left < box_right AND box_right <= 1),
    CHECK (0 <= box_top AND box_top < box_bottom AND box_bottom <= 1)
);
