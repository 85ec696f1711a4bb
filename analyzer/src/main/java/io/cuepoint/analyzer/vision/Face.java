package io.cuepoint.analyzer.vision;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.Keypoint;
import java.util.List;

/**
 * One face found by BlazeFace, in normalized image coordinates.
 *
 * @param box       the face box as the model gives it (brows to chin, roughly)
 * @param score     the model's face score
 * @param landmarks the six landmarks in {@link BlazeFaceTranslator#LANDMARKS} order, each with the face score
 */
public record Face(Box box, double score, List<Keypoint> landmarks) {
    public Face {
        landmarks = List.copyOf(landmarks);
    }

    public Keypoint landmark(String name) {
        return landmarks.stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no landmark " + name));
    }
}
