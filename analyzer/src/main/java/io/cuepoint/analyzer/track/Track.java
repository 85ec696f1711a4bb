package io.cuepoint.analyzer.track;

import io.cuepoint.analyzer.wire.Box;
import java.util.ArrayList;
import java.util.List;

/** One target as the {@link Tracker} follows it: its filter, label, and how it was seen. */
final class Track {
    final String label;
    final BoxKalmanFilter filter;
    private long predictedAtMs;
    long lastSeenMs;
    /** Index of the last update that matched a detection to this track. */
    int lastHitUpdate;
    int hits;
    /** Number once confirmed, 0 before. */
    int number;
    /** While tentative: {update index, detection index} of each detection the track took, to number later. */
    final List<int[]> unnumbered = new ArrayList<>();
    /** The filter's box at the current update's time, before this update's detection corrects it. */
    Box predicted;

    Track(Detection first, long timeMs, int update, TrackerConfig config) {
        this.label = first.label();
        this.filter = new BoxKalmanFilter(first.box(), config.measurementNoise(), config.accelerationNoise());
        this.predictedAtMs = timeMs;
        this.lastSeenMs = timeMs;
        this.lastHitUpdate = update;
        this.hits = 1;
        this.predicted = filter.box();
    }

    boolean confirmed() {
        return number > 0;
    }

    void predictTo(long timeMs) {
        filter.predict((timeMs - predictedAtMs) / 1000.0);
        predictedAtMs = timeMs;
        predicted = filter.box();
    }

    void hit(Detection detection, long timeMs, int update) {
        filter.update(detection.box());
        lastSeenMs = timeMs;
        lastHitUpdate = update;
        hits++;
    }
}
