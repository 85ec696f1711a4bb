package io.cuepoint.analyzer.track;

import io.cuepoint.analyzer.AnalyzerException;

/**
 * Tuning of the {@link Tracker}. Boxes are normalized to the frame; "box sizes" below are measured in
 * the box's own width (horizontally) and height (vertically), so one setting suits small and large
 * objects alike.
 *
 * @param minIou            IoU (0 to 1) between a track's predicted box and a detection at or above which
 *                          the detection may continue the track even outside the distance gate; default 0.3
 * @param maxCentreSigmas   distance gate: a detection may continue a track when its centre lies within
 *                          this many standard deviations of the track's predicted centre (the deviation
 *                          grows with box size and with the time since the track was last seen); default 4.0
 * @param maxSizeRatio      a detection whose width or height differs from the predicted box's by more than
 *                          this factor never continues the track, however close; at least 1, default 2.5
 * @param distanceWeight    weight of the centre distance (in standard deviations of the prediction, as a
 *                          fraction of the gate) against {@code 1 - IoU} in the assignment cost; 0 or more,
 *                          default 0.5
 * @param maxAgeMs          media milliseconds a track survives unseen: a detection at most this long after
 *                          the track's last detection can continue it, later ones start a new track;
 *                          default 2000
 * @param minHits           detections in consecutive updates a new track needs before it is confirmed and
 *                          numbered; a new track that misses an update before that is dropped. Tracks
 *                          started in the tracker's first {@code minHits} updates are confirmed at once
 *                          (nothing came before them to wait for). At least 1, default 2
 * @param measurementNoise  standard deviation of a detected box's centre and size, in box sizes; default 0.08
 * @param accelerationNoise standard deviation of a target's acceleration, in box sizes per second squared
 *                          (plus a floor of 0.05 frame per second squared, so that small objects may move
 *                          fast); default 0.5
 */
public record TrackerConfig(double minIou, double maxCentreSigmas, double maxSizeRatio, double distanceWeight,
                            long maxAgeMs, int minHits, double measurementNoise, double accelerationNoise) {

    public TrackerConfig {
        require(minIou >= 0 && minIou <= 1, "minIou", minIou, "0 to 1");
        require(maxCentreSigmas > 0 && maxCentreSigmas <= 100, "maxCentreSigmas", maxCentreSigmas, "above 0, at most 100");
        require(maxSizeRatio >= 1 && maxSizeRatio <= 100, "maxSizeRatio", maxSizeRatio, "1 to 100");
        require(distanceWeight >= 0 && distanceWeight <= 100, "distanceWeight", distanceWeight, "0 to 100");
        require(maxAgeMs >= 0 && maxAgeMs <= 3_600_000, "maxAgeMs", maxAgeMs, "0 to 3600000 milliseconds");
        require(minHits >= 1 && minHits <= 1000, "minHits", minHits, "1 to 1000");
        require(measurementNoise > 0 && measurementNoise <= 10, "measurementNoise", measurementNoise,
                "above 0, at most 10 box sizes");
        require(accelerationNoise >= 0 && accelerationNoise <= 1000, "accelerationNoise", accelerationNoise,
                "0 to 1000 box sizes per second squared");
    }

    /** The defaults listed on each field. */
    public static TrackerConfig defaults() {
        return new TrackerConfig(0.3, 4.0, 2.5, 0.5, 2000, 2, 0.08, 0.5);
    }

    /** A copy with another {@link #maxAgeMs()}. */
    public TrackerConfig withMaxAgeMs(long maxAgeMs) {
        return new TrackerConfig(minIou, maxCentreSigmas, maxSizeRatio, distanceWeight, maxAgeMs, minHits,
                measurementNoise, accelerationNoise);
    }

    /** A copy with another {@link #minHits()}. */
    public TrackerConfig withMinHits(int minHits) {
        return new TrackerConfig(minIou, maxCentreSigmas, maxSizeRatio, distanceWeight, maxAgeMs, minHits,
                measurementNoise, accelerationNoise);
    }

    private static void require(boolean ok, String field, Object value, String expected) {
        // NaN fails every comparison above, so it lands here too.
        if (!ok) {
            throw new AnalyzerException("tracker setting " + field + "=" + value + " is out of range: expected "
                    + expected);
        }
    }
}
