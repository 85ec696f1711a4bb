package io.cuepoint.analyzer.vision;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.Keypoint;
import java.util.List;

/**
 * One person's pose in normalized image coordinates.
 *
 * @param keypoints the 17 named keypoints in {@link MoveNetTranslator#KEYPOINTS} order
 * @param score     how sure the model is that this is a person: the mean keypoint score (single-pose
 *                  models) or the model's person score (MultiPose)
 * @param box       bounds of the keypoints scoring at least {@link MoveNetTranslator#BOX_MIN_SCORE}, or
 *                  null when none does
 */
public record Pose(List<Keypoint> keypoints, double score, Box box) {
    public Pose {
        keypoints = List.copyOf(keypoints);
    }

    /** The mean score of the keypoints. */
    public double meanKeypointScore() {
        return keypoints.stream().mapToDouble(Keypoint::score).average().orElse(0);
    }

    /** The keypoint with this name. */
    public Keypoint keypoint(String name) {
        return keypoints.stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no keypoint " + name));
    }
}
