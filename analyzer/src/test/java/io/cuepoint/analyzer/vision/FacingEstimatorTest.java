package io.cuepoint.analyzer.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.Keypoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class FacingEstimatorTest {

    /** A face on a square image: ears at x 0.4 and 0.6 (y 0.5), nose {@code noseShift} of the half span right. */
    private static Face face(double noseShift, double rollDeg) {
        double r = Math.toRadians(rollDeg);
        double[][] points = {{-0.05, -0.03}, {0.05, -0.03}, {noseShift * 0.1, 0.01}, {0, 0.05}, {-0.1, 0}, {0.1, 0}};
        var names = BlazeFaceTranslator.LANDMARKS;
        var landmarks = new java.util.ArrayList<Keypoint>();
        for (int i = 0; i < points.length; i++) {
            double x = points[i][0] * Math.cos(r) - points[i][1] * Math.sin(r);
            double y = points[i][0] * Math.sin(r) + points[i][1] * Math.cos(r);
            landmarks.add(new Keypoint(names.get(i), 0.5 + x, 0.5 + y, 0.9));
        }
        return new Face(new Box(0.4, 0.4, 0.6, 0.6), 0.9, List.copyOf(landmarks));
    }

    @Test
    void frontalFaceHasNoYaw() {
        assertThat(FacingEstimator.yawDeg(face(0, 0), 1)).isCloseTo(0, within(1e-9));
    }

    @Test
    void noseTowardsTheImagesRightIsPositiveYaw() {
        double expected = Math.toDegrees(Math.atan(0.5 / FacingEstimator.NOSE_DEPTH_RATIO));
        assertThat(FacingEstimator.yawDeg(face(0.5, 0), 1)).isCloseTo(expected, within(1e-9));
        assertThat(FacingEstimator.yawDeg(face(-0.5, 0), 1)).isCloseTo(-expected, within(1e-9));
    }

    @Test
    void headRollDoesNotChangeTheYaw() {
        assertThat(FacingEstimator.yawDeg(face(0.5, 25), 1)).isCloseTo(FacingEstimator.yawDeg(face(0.5, 0), 1),
                within(1e-9));
    }

    @Test
    void astronautLooksIntoTheCamera() {
        var faces = new BlazeFaceTranslator(0.6, 0.3, 5).output(ParityFixtures.outputs("blazeface", "astronaut"),
                Letterbox.of(512, 512));
        assertThat(Math.abs(FacingEstimator.yawDeg(faces.get(0), 1))).isLessThan(10);
    }
}
