package io.cuepoint.analyzer.vision;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.ingest.testing.TestMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Real photos with what they show, read by eye.
 *
 * <p>{@code messi5.jpg} (opencv-doc, 548 x 342): the player's wrists and ankles were read off the photo
 * enlarged 3 to 4 times with a 10-pixel grid drawn over it (ImageMagick), each where the hand or shoe
 * meets the forearm or sock. The player faces the camera, so his right side is on the image's left:
 * right wrist = the hand stretched out to the upper left, left wrist = the hand on the right, left ankle =
 * the leg stretched out to the right, right ankle = the bent leg under him. Reading precision about ±5 px.
 *
 * <p>{@code astronaut.png} (python3-skimage, 512 x 512): read the same way from the photo enlarged twice,
 * her eyes are at about (202, 102) and (247, 102), nose tip (225, 125), mouth (222, 145); her face spans
 * from the brows (y 85) to the chin (y 168), x 183 to 268 from cheek to cheek. She smiles broadly.
 */
public final class VisionTestImages {
    public static final int MESSI_WIDTH = 548;
    public static final int MESSI_HEIGHT = 342;
    /** Source pixels (x, y). */
    public static final Map<String, double[]> MESSI_JOINTS = Map.of(
            "right_wrist", new double[] {93, 98},
            "left_wrist", new double[] {349, 161},
            "left_ankle", new double[] {420, 260},
            "right_ankle", new double[] {285, 312});
    /**
     * How far, in source pixels, a model's joint may be from the one read by eye: 36 pixels is a sixth
     * of the player's height (about 230 pixels from hair to shoe) and well under the distance between any
     * two of these joints, so a joint swapped with another fails.
     */
    public static final double MESSI_TOLERANCE_PX = 36;
    private static final Path ASTRONAUT = Path.of("/usr/lib/python3/dist-packages/skimage/data/astronaut.png");

    private VisionTestImages() {
    }

    public static byte[] messi5() {
        return read(TestMedia.OPENCV_DATA.resolve("messi5.jpg"), "opencv-doc");
    }

    public static byte[] astronaut() {
        return read(ASTRONAUT, "python3-skimage");
    }

    public static void assertMessisJointsNearEyeReadings(Pose pose) {
        MESSI_JOINTS.forEach((name, expected) -> {
            var k = pose.keypoint(name);
            double dx = k.x() * MESSI_WIDTH - expected[0];
            double dy = k.y() * MESSI_HEIGHT - expected[1];
            assertThat(Math.hypot(dx, dy)).as("%s at (%.0f, %.0f), read by eye at (%.0f, %.0f)", name,
                    k.x() * MESSI_WIDTH, k.y() * MESSI_HEIGHT, expected[0], expected[1]).isLessThan(MESSI_TOLERANCE_PX);
        });
    }

    private static byte[] read(Path file, String debianPackage) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: install the Debian package " + debianPackage);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
