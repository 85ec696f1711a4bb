package io.cuepoint.analyzer.detect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Walkers of vtest.avi (768 x 576, 10 fps) annotated by hand over its first 30 s (segment 0).
 *
 * <p>Method: frames every 2 s were extracted with {@code ffmpeg -ss T -i vtest.avi -frames:v 1} and a
 * 50-pixel grid drawn over them (ImageMagick); where it was unclear who is who, frames every second
 * were put side by side, and where people cross, crops of that area every second. Each walker's position is the middle of the torso, in source pixels, read to
 * about ±10 px. Only people who could be followed with certainty are annotated:
 * <ul>
 *   <li>R, the man in the red and blue jacket, and B, the blonde woman beside him: they walk in from
 *       the right together, up the road to the top right corner, turn round at about 19 s and come back
 *       side by side, never more than 30 px apart (the hard case for a tracker);</li>
 *   <li>D, the man in the dark jacket and jeans who enters on the right at 4 s and walks up the road
 *       out of view after 14 s;</li>
 *   <li>H, the woman in the white hat and light jacket crossing right to left from 13 s to 21 s, fast
 *       (about 75 px per second, more than twice her width);</li>
 *   <li>S, the man in the dark striped jacket crossing right to left behind her from 15 s to 23 s;</li>
 *   <li>M, the man in the brown jacket and jeans who walks in at the top right at 0 s, is half hidden
 *       behind the sign at 2 s (while another man, dark trousers, walks up to the sign from the left and
 *       stays beside him), stands left of the sign from 4 s to 15 s while others pass him (H at 15-16 s,
 *       right beside him), then walks off to the lower right;</li>
 *   <li>C, the tall man in the black coat who walks from the sign to the right edge from 16 s to 21 s,
 *       crossing S at about 16 s.</li>
 * </ul>
 */
final class VtestWalkers {
    static final double WIDTH = 768;
    static final double HEIGHT = 576;

    private VtestWalkers() {
    }

    /** Walker -> seconds -> (x, y) source pixels. */
    static Map<String, Map<Integer, int[]>> annotations() {
        var walkers = new LinkedHashMap<String, Map<Integer, int[]>>();
        walkers.put("R", path(2, 705, 318, 4, 587, 280, 6, 484, 245, 8, 460, 213, 10, 506, 180, 12, 572, 160, 14, 627,
                142, 16, 665, 135, 18, 688, 125, 20, 687, 120, 22, 668, 135, 24, 653, 140, 26, 632, 155, 28, 612, 170));
        walkers.put("B", path(2, 741, 318, 4, 617, 278, 6, 517, 235, 8, 487, 205, 10, 527, 180, 12, 598, 160, 14, 648,
                142, 16, 686, 138, 18, 711, 125, 20, 711, 125, 22, 690, 140, 24, 675, 142, 26, 651, 165, 28, 640, 170));
        walkers.put("D", path(6, 632, 282, 8, 583, 225, 10, 603, 190, 12, 662, 170, 14, 716, 142));
        walkers.put("H", path(14, 533, 235, 16, 365, 210, 18, 213, 195, 20, 95, 185));
        walkers.put("S", path(16, 521, 265, 18, 377, 255, 20, 234, 230, 22, 110, 210));
        walkers.put("M", path(0, 515, 195, 2, 421, 213, 4, 388, 220, 6, 387, 222, 8, 384, 220, 10, 392, 215, 12, 386,
                221, 14, 399, 227, 16, 446, 255, 18, 517, 265, 20, 631, 299));
        walkers.put("C", path(16, 488, 250, 18, 607, 265, 20, 723, 299));
        return walkers;
    }

    private static Map<Integer, int[]> path(int... values) {
        var points = new LinkedHashMap<Integer, int[]>();
        for (int i = 0; i < values.length; i += 3) {
            points.put(values[i], new int[] {values[i + 1], values[i + 2]});
        }
        return points;
    }
}
