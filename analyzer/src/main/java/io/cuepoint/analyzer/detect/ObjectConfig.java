package io.cuepoint.analyzer.detect;

import java.util.Set;

/**
 * Tuning of {@link ObjectDetector}.
 *
 * @param fps      object samples per second of media time (env {@code CUEPOINT_OBJECTS_FPS}, default 1):
 *                 CenterNet is the costliest model, and objects move slowly; the sampled images are
 *                 thinned to this rate
 * @param labels   COCO class names reported (env {@code CUEPOINT_OBJECT_LABELS}, comma-separated, or
 *                 {@code all}); default {@link #DEFAULT_LABELS}
 * @param minScore lowest CenterNet score, 0 to 1, for an object to count (env
 *                 {@code CUEPOINT_OBJECT_MIN_SCORE}, default 0.3)
 */
public record ObjectConfig(double fps, Set<String> labels, double minScore) {
    /**
     * People and what matters in teaching and procedure rooms: instruments and containers handled in
     * clinical skills, screens and devices, books, furniture a patient or student uses.
     */
    public static final Set<String> DEFAULT_LABELS = Set.of("person", "scissors", "knife", "bottle", "cup",
            "bowl", "cell phone", "laptop", "keyboard", "mouse", "remote", "tv", "book", "clock", "chair", "bed",
            "sink", "backpack", "handbag", "toothbrush");
    /** Boxes of one label overlapping more than this are one object (non-maximum suppression). */
    public static final double MAX_IOU = 0.5;

    public ObjectConfig {
        labels = Set.copyOf(labels);
    }

    public static ObjectConfig defaults() {
        return new ObjectConfig(1, DEFAULT_LABELS, 0.3);
    }
}
