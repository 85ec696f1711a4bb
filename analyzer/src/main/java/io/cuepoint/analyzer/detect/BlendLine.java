package io.cuepoint.analyzer.detect;

/**
 * The straight line from one thumbnail {@code A} to another {@code B} in pixel space: every frame of a
 * cross-dissolve or fade lies on it, at a position that rises from 0 (A) to 1 (B). Fits a frame to the line
 * (least squares) and reports where it lies and how far off it is. Positions and errors are cached per
 * frame, since the transition search asks for the same frames repeatedly.
 */
final class BlendLine {
    private final LumaFrames frames;
    private final int[] a;
    private final int[] delta;
    private final double deltaSquares;
    private final double span;
    private final double[] position;
    private final double[] error;

    /** The line from frame {@code from} to frame {@code to}; they must be comparable. */
    BlendLine(LumaFrames frames, int from, int to) {
        this.frames = frames;
        this.a = frames.blocks(from);
        int[] b = frames.blocks(to);
        delta = new int[a.length];
        long squares = 0;
        long abs = 0;
        for (int p = 0; p < a.length; p++) {
            delta[p] = b[p] - a[p];
            squares += (long) delta[p] * delta[p];
            abs += Math.abs(delta[p]);
        }
        deltaSquares = squares;
        span = (double) abs / Math.max(1, a.length) / LumaFrames.area();
        position = new double[frames.size()];
        error = new double[frames.size()];
        java.util.Arrays.fill(position, Double.NaN);
    }

    /** Mean absolute luma difference of the two ends, 0 to 255. */
    double span() {
        return span;
    }

    /** Where frame {@code i} lies along the line: 0 at A, 1 at B; NaN when it cannot be compared. */
    double position(int i) {
        fit(i);
        return position[i];
    }

    /** Mean absolute luma distance of frame {@code i} from its fitted point on the line. */
    double error(int i) {
        fit(i);
        return error[i];
    }

    private void fit(int i) {
        if (!Double.isNaN(position[i]) || error[i] == Double.POSITIVE_INFINITY) {
            return;
        }
        int[] y = frames.blocks(i);
        if (y.length != a.length || deltaSquares == 0) {
            error[i] = Double.POSITIVE_INFINITY;
            return;
        }
        long dot = 0;
        for (int p = 0; p < y.length; p++) {
            dot += (long) (y[p] - a[p]) * delta[p];
        }
        double t = dot / deltaSquares;
        double off = 0;
        for (int p = 0; p < y.length; p++) {
            off += Math.abs(y[p] - a[p] - t * delta[p]);
        }
        position[i] = t;
        error[i] = off / y.length / LumaFrames.area();
    }
}
