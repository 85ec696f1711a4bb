package io.cuepoint.analyzer.detect;

import java.util.Locale;

/**
 * Tuning of {@link PoseDetector}.
 *
 * @param model    which MoveNet runs (env {@code CUEPOINT_POSE_MODEL}, default {@code lightning}):
 *                 {@code lightning} (fast, one person), {@code thunder} (more accurate, one person) or
 *                 {@code multipose} (up to six people)
 * @param minScore how sure the model must be that a person is there, 0 to 1 (env
 *                 {@code CUEPOINT_POSE_MIN_SCORE}, default 0.3): the mean keypoint score for Lightning and
 *                 Thunder, the model's person score for MultiPose
 */
public record PoseConfig(Model model, double minScore) {

    /** The MoveNet variants and their square input sizes. */
    public enum Model {
        LIGHTNING("movenet-lightning", 192),
        THUNDER("movenet-thunder", 256),
        MULTIPOSE("movenet-multipose", 256);

        private final String modelName;
        private final int inputSize;

        Model(String modelName, int inputSize) {
            this.modelName = modelName;
            this.inputSize = inputSize;
        }

        /** The model's name in the model package. */
        public String modelName() {
            return modelName;
        }

        public int inputSize() {
            return inputSize;
        }

        /** The configuration value: {@code lightning}, {@code thunder} or {@code multipose}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static PoseConfig defaults() {
        return new PoseConfig(Model.LIGHTNING, 0.3);
    }
}
