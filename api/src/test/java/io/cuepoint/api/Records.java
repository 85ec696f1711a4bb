package io.cuepoint.api;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.EventIds;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.analyzer.wire.Producer;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.ingest.wire.DecodeProgress;
import io.cuepoint.ingest.wire.MediaInfo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Real wire records for tests, at 25 fps with 30 s segments. */
public final class Records {
    public static final long SEGMENT_MS = 30_000;
    public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    public static final MediaInfo MEDIA = new MediaInfo(90_000, 25.0, 1280, 720, 1280, 720, 0, 1.0, "mov,mp4",
            "h264", "aac", 48_000, 2, true, 12_345_678);

    private Records() {
    }

    public static Event event(String videoId, String type, String track, long startMs, long endMs, double confidence,
                              Map<String, Object> attributes, Fragment fragment) {
        return new Event(Event.SCHEMA, EventIds.of(videoId, "test", type, startMs / 40, track), videoId, type,
                startMs, endMs, startMs / 40, endMs / 40, confidence, track, null, null, attributes,
                new Producer("1.0.0", "test", null), fragment);
    }

    public static Event instant(String videoId, String type, long atMs, double confidence) {
        return event(videoId, type, null, atMs, atMs, confidence, Map.of(), null);
    }

    public static SegmentEvents segment(String videoId, int segment, List<Event> events) {
        return new SegmentEvents(SegmentEvents.SCHEMA, videoId, segment, "1.0.0", 750, events, List.of(), null,
                T0.plusSeconds(60 + segment));
    }

    public static DecodeProgress started(String videoId) {
        return new DecodeProgress(DecodeProgress.SCHEMA, videoId, DecodeProgress.State.STARTED, 0, MEDIA, SEGMENT_MS,
                null, 0, 0, null, T0.plusSeconds(1));
    }

    public static DecodeProgress progress(String videoId, double fraction) {
        return new DecodeProgress(DecodeProgress.SCHEMA, videoId, DecodeProgress.State.PROGRESS, fraction, MEDIA,
                SEGMENT_MS, null, (long) (fraction * 2250), 0, null, T0.plusSeconds(2));
    }

    public static DecodeProgress completed(String videoId, int segments) {
        return new DecodeProgress(DecodeProgress.SCHEMA, videoId, DecodeProgress.State.COMPLETED, 1, MEDIA,
                SEGMENT_MS, segments, 2250, 3, null, T0.plusSeconds(30));
    }

    public static DecodeProgress failed(String videoId, String error) {
        return new DecodeProgress(DecodeProgress.SCHEMA, videoId, DecodeProgress.State.FAILED, 0.2, MEDIA,
                SEGMENT_MS, null, 10, 0, error, T0.plusSeconds(5));
    }
}
