package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.EventIds;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.analyzer.wire.Keypoint;
import io.cuepoint.analyzer.wire.Producer;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds one event of a model-based detector, usually about a tracked thing. Obtain it from
 * {@link DetectionContext#builder}; the id is computed by {@link EventIds} from the video, detector,
 * type, start frame and track, so a replayed segment yields the same id.
 */
public final class EventBuilder {
    private final Segment segment;
    private final String detector;
    private final String type;
    private final String analyzerVersion;
    private String track;
    private long startMs;
    private long endMs;
    private long startFrame = -1;
    private long endFrame;
    private double confidence = 1;
    private Box box;
    private List<Keypoint> keypoints;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private String model;
    private Fragment fragment;

    EventBuilder(Segment segment, String detector, String type, String analyzerVersion) {
        this.segment = segment;
        this.detector = detector;
        this.type = type;
        this.analyzerVersion = analyzerVersion;
    }

    /** The segment-local track id, such as {@code person-s3-2}; part of the event id. */
    public EventBuilder track(String track) {
        this.track = track;
        return this;
    }

    /** An instant at one frame. */
    public EventBuilder at(FrameRecord frame) {
        return span(frame, frame);
    }

    /** An interval from one frame to another, both included. */
    public EventBuilder span(FrameRecord first, FrameRecord last) {
        this.startMs = first.ptsMs();
        this.endMs = last.ptsMs();
        this.startFrame = first.frame();
        this.endFrame = last.frame();
        return this;
    }

    /** Clamped to [0, 1]. */
    public EventBuilder confidence(double confidence) {
        this.confidence = round(Math.max(0, Math.min(1, confidence)));
        return this;
    }

    /** The box, rounded to 4 decimals (a tenth of a pixel on a 1080p frame). */
    public EventBuilder box(Box box) {
        this.box = box == null ? null
                : new Box(round(box.left()), round(box.top()), round(box.right()), round(box.bottom()));
        return this;
    }

    /** The keypoints, positions and scores rounded to 4 decimals. */
    public EventBuilder keypoints(List<Keypoint> keypoints) {
        this.keypoints = keypoints.stream()
                .map(k -> new Keypoint(k.name(), round(k.x()), round(k.y()), round(k.score()))).toList();
        return this;
    }

    /** Adds an attribute; numbers, strings and booleans only. */
    public EventBuilder attribute(String name, Object value) {
        attributes.put(name, Objects.requireNonNull(value, name));
        return this;
    }

    /** The producing model(s) as {@code name@sha256:…}, see {@link io.cuepoint.analyzer.model.LoadedModel#producerId()}. */
    public EventBuilder model(String model) {
        this.model = model;
        return this;
    }

    /** Fragment flags; nothing is recorded when neither side is open. */
    public EventBuilder fragment(boolean openStart, boolean openEnd) {
        this.fragment = openStart || openEnd ? new Fragment(segment.index(), openStart, openEnd) : null;
        return this;
    }

    /** Rounds to 4 decimals: more digits than the models' precision would only bloat the events. */
    public static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    public Event build() {
        if (startFrame < 0) {
            throw new IllegalStateException("event " + type + " has no frame: call at() or span()");
        }
        var id = EventIds.of(segment.videoId(), detector, type, startFrame, track);
        return new Event(Event.SCHEMA, id, segment.videoId(), type, startMs, endMs, startFrame, endFrame, confidence,
                track, box, keypoints, Collections.unmodifiableMap(new LinkedHashMap<>(attributes)), new Producer(analyzerVersion, detector, model),
                fragment);
    }
}
