package io.cuepoint.analyzer;

import io.cuepoint.analyzer.detect.MotionConfig;
import io.cuepoint.analyzer.detect.ShotCutConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The analyzer's one validated configuration. Kafka connection settings are not here: the caller
 * passes its client properties to the worker, so the all-in-one and the cluster share this record.
 *
 * <p>Environment keys (see {@link ShotCutConfig} and {@link MotionConfig} for the tuning keys, each
 * with unit and default):
 * <ul>
 *   <li>{@code CUEPOINT_DETECTORS}: comma-separated detector names, default {@code shots,motion}</li>
 *   <li>{@code CUEPOINT_ANALYZER_VERSION}: overrides the version stamped on events; default the jar's
 *       Implementation-Version, else {@value #FALLBACK_VERSION}</li>
 * </ul>
 *
 * @param analyzerVersion version written into every event's producer
 * @param detectors       detectors to run on each segment, in order
 * @param shots           shot-cut tuning
 * @param motion          motion tuning
 */
public record AnalyzerConfig(String analyzerVersion, List<String> detectors, ShotCutConfig shots,
                             MotionConfig motion) {
    public static final String FALLBACK_VERSION = "0.1.0";
    public static final String DETECTORS = "CUEPOINT_DETECTORS";
    public static final String VERSION = "CUEPOINT_ANALYZER_VERSION";
    public static final String SHOT_MIN_SCORE = "CUEPOINT_SHOT_MIN_SCORE";
    public static final String SHOT_ADAPTIVE_FACTOR = "CUEPOINT_SHOT_ADAPTIVE_FACTOR";
    public static final String SHOT_WINDOW_FRAMES = "CUEPOINT_SHOT_WINDOW_FRAMES";
    public static final String SHOT_MIN_GAP_MS = "CUEPOINT_SHOT_MIN_GAP_MS";
    public static final String SHOT_FLASH_FRAMES = "CUEPOINT_SHOT_FLASH_FRAMES";
    public static final String MOTION_WIDTH = "CUEPOINT_MOTION_WIDTH";
    public static final String MOTION_HISTORY = "CUEPOINT_MOTION_HISTORY";
    public static final String MOTION_VAR_THRESHOLD = "CUEPOINT_MOTION_VAR_THRESHOLD";
    public static final String MOTION_BACKGROUND_SAMPLES = "CUEPOINT_MOTION_BACKGROUND_SAMPLES";
    public static final String MOTION_SMOOTHING = "CUEPOINT_MOTION_SMOOTHING";
    public static final String MOTION_ACTIVE_ON = "CUEPOINT_MOTION_ACTIVE_ON";
    public static final String MOTION_ACTIVE_OFF = "CUEPOINT_MOTION_ACTIVE_OFF";

    public AnalyzerConfig {
        Objects.requireNonNull(analyzerVersion, "analyzerVersion");
        detectors = List.copyOf(detectors);
        Objects.requireNonNull(shots, "shots");
        Objects.requireNonNull(motion, "motion");
    }

    /** Every default: shots and motion detectors, documented tuning. */
    public static AnalyzerConfig defaults() {
        return fromEnvironment(Map.of());
    }

    /**
     * Reads the configuration from environment-style keys; absent keys take their defaults.
     *
     * @throws AnalyzerException naming the key of the first bad value
     */
    public static AnalyzerConfig fromEnvironment(Map<String, String> env) {
        var s = ShotCutConfig.defaults();
        var shots = new ShotCutConfig(
                real(env, SHOT_MIN_SCORE, s.minScore(), 0, 1),
                real(env, SHOT_ADAPTIVE_FACTOR, s.adaptiveFactor(), 1, 100),
                integer(env, SHOT_WINDOW_FRAMES, s.windowFrames(), 1, 1000),
                integer(env, SHOT_MIN_GAP_MS, (int) s.minGapMs(), 0, 60_000),
                integer(env, SHOT_FLASH_FRAMES, s.flashFrames(), 0, 30));
        var m = MotionConfig.defaults();
        var motion = new MotionConfig(
                integer(env, MOTION_WIDTH, m.width(), 16, 4096),
                integer(env, MOTION_HISTORY, m.history(), 2, 100_000),
                real(env, MOTION_VAR_THRESHOLD, m.varThreshold(), 1, 10_000),
                integer(env, MOTION_BACKGROUND_SAMPLES, m.backgroundSamples(), 1, 1000),
                integer(env, MOTION_SMOOTHING, m.smoothing(), 1, 1000),
                real(env, MOTION_ACTIVE_ON, m.activeOn(), 0, 1),
                real(env, MOTION_ACTIVE_OFF, m.activeOff(), 0, 1));
        if (motion.activeOff() > motion.activeOn()) {
            throw new AnalyzerException(MOTION_ACTIVE_OFF + " (" + motion.activeOff() + ") must not exceed "
                    + MOTION_ACTIVE_ON + " (" + motion.activeOn() + ")");
        }
        var detectors = Arrays.stream(env.getOrDefault(DETECTORS, "shots,motion").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).distinct().toList();
        if (detectors.isEmpty()) {
            throw new AnalyzerException(DETECTORS + " names no detector; use e.g. shots,motion");
        }
        var version = env.getOrDefault(VERSION, jarVersion());
        return new AnalyzerConfig(version, detectors, shots, motion);
    }

    /** The resolved configuration in one line, for the start-up log. */
    public String describe() {
        return "analyzer " + analyzerVersion + ", detectors " + String.join(",", detectors) + ", " + shots + ", "
                + motion;
    }

    private static String jarVersion() {
        // Set by the jar plugin's manifest when packaged; absent when running from classes (tests, IDE).
        var version = AnalyzerConfig.class.getPackage().getImplementationVersion();
        return version == null ? FALLBACK_VERSION : version;
    }

    private static double real(Map<String, String> env, String key, double fallback, double min, double max) {
        var raw = env.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw.trim());
            if (!(value >= min && value <= max)) {
                throw new AnalyzerException(key + "=" + raw + " is out of range [" + min + ", " + max + "]");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new AnalyzerException(key + "=" + raw + " is not a number", e);
        }
    }

    private static int integer(Map<String, String> env, String key, int fallback, int min, int max) {
        var raw = env.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new AnalyzerException(key + "=" + raw + " is out of range [" + min + ", " + max + "]");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new AnalyzerException(key + "=" + raw + " is not an integer", e);
        }
    }
}
