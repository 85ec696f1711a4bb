package io.cuepoint.analyzer.track;

import io.cuepoint.analyzer.wire.Box;

/**
 * A constant-velocity Kalman filter over a box's centre, width and height (and their rates of change per
 * second), in normalized frame coordinates, with time steps of any length.
 *
 * <p>The state has eight numbers, but the motion model (each of centre x, centre y, width and height moves
 * on its own at its own velocity) and the noises (independent per quantity) never couple one quantity
 * with another. The 8×8 covariance therefore stays block-diagonal, four 2×2 blocks of (value, velocity),
 * and the filter runs as four exact 2-state filters; nothing is approximated by that.
 *
 * <p>Noise scales with the box, as in SORT's successors: a detector's error on a box is a fraction of its
 * size, and an object's apparent motion grows with its apparent size. Horizontal quantities scale with the
 * width, vertical ones with the height. Process noise is continuous white acceleration, so uncertainty
 * grows with the time since the last detection ({@code dt³} in position): a track predicted 1 s ahead
 * accepts a wider search than one predicted 250 ms ahead.
 */
final class BoxKalmanFilter {
    /** Smallest width or height the filter works with: about a pixel of a 640 px analysis image. */
    static final double MIN_SIZE = 0.002;
    /** Detection error floor, frame units: a box is never more exact than about a pixel. */
    private static final double MEASUREMENT_FLOOR = 0.002;
    /** Acceleration floor for the centre, frame per second squared: small objects may still move fast. */
    private static final double CENTRE_ACCELERATION_FLOOR = 0.05;
    /** Acceleration floor for the size, frame per second squared. */
    private static final double SIZE_ACCELERATION_FLOOR = 0.01;
    /** A new track's velocity is unknown: one box size per second plus a tenth of the frame, one sigma. */
    private static final double INITIAL_SPEED_BOXES = 1.0;
    private static final double INITIAL_SPEED_FLOOR = 0.1;

    private static final int CX = 0;
    private static final int CY = 1;
    private static final int W = 2;
    private static final int H = 3;

    private final double measurementNoise;
    private final double accelerationNoise;
    private final double[] value = new double[4];
    private final double[] velocity = new double[4];
    /** Covariance blocks: var(value), cov(value, velocity), var(velocity). */
    private final double[] p00 = new double[4];
    private final double[] p01 = new double[4];
    private final double[] p11 = new double[4];

    /** Starts at a first detection, at rest but with an uncertain velocity. */
    BoxKalmanFilter(Box first, double measurementNoise, double accelerationNoise) {
        this.measurementNoise = measurementNoise;
        this.accelerationNoise = accelerationNoise;
        measure(first, value);
        for (int i = 0; i < 4; i++) {
            double scale = scale(i);
            double r = measurementSigma(scale);
            double speed = i < W ? INITIAL_SPEED_BOXES * scale + INITIAL_SPEED_FLOOR
                    : 0.25 * INITIAL_SPEED_BOXES * scale + SIZE_ACCELERATION_FLOOR;
            p00[i] = r * r;
            p11[i] = speed * speed;
        }
    }

    /** Moves the estimate {@code dt} seconds ahead. */
    void predict(double dt) {
        if (!(dt > 0)) {
            return;
        }
        for (int i = W; i <= H; i++) {
            // A shrinking box would turn inside out; its size stops changing instead (as SORT does).
            if (value[i] + velocity[i] * dt < MIN_SIZE) {
                velocity[i] = 0;
            }
        }
        double dt2 = dt * dt;
        for (int i = 0; i < 4; i++) {
            double sigma = (i < W ? CENTRE_ACCELERATION_FLOOR : SIZE_ACCELERATION_FLOOR)
                    + (i < W ? 1.0 : 0.5) * accelerationNoise * scale(i);
            double q = sigma * sigma;
            value[i] += velocity[i] * dt;
            // P = F P Fᵀ + Q with F = [[1, dt], [0, 1]], Q = q [[dt³/3, dt²/2], [dt²/2, dt]].
            p00[i] += 2 * dt * p01[i] + dt2 * p11[i] + q * dt2 * dt / 3;
            p01[i] += dt * p11[i] + q * dt2 / 2;
            p11[i] += q * dt;
        }
    }

    /** Corrects the estimate with a detection of the same target. */
    void update(Box detected) {
        double[] z = new double[4];
        measure(detected, z);
        for (int i = 0; i < 4; i++) {
            double r = measurementSigma(scale(i));
            double s = p00[i] + r * r;
            double k0 = p00[i] / s;
            double k1 = p01[i] / s;
            double innovation = z[i] - value[i];
            value[i] += k0 * innovation;
            velocity[i] += k1 * innovation;
            // P = (I - K H) P, written out for the 2×2 block.
            double a = p00[i];
            double b = p01[i];
            p00[i] = (1 - k0) * a;
            p01[i] = (1 - k0) * b;
            p11[i] -= k1 * b;
        }
    }

    /**
     * Squared Mahalanobis distance of a detected centre from the predicted one: the centre offset in
     * standard deviations of where a detection of this track is expected, squared.
     */
    double centreDistanceSquared(Box detected) {
        double[] z = new double[4];
        measure(detected, z);
        double sum = 0;
        for (int i = CX; i <= CY; i++) {
            double r = measurementSigma(scale(i));
            double d = z[i] - value[i];
            sum += d * d / (p00[i] + r * r);
        }
        return sum;
    }

    /** The estimated box. */
    Box box() {
        double w = Math.max(MIN_SIZE, value[W]);
        double h = Math.max(MIN_SIZE, value[H]);
        return new Box(value[CX] - w / 2, value[CY] - h / 2, value[CX] + w / 2, value[CY] + h / 2);
    }

    /** Estimated centre velocity in frames per second, x then y. */
    double[] centreVelocity() {
        return new double[]{velocity[CX], velocity[CY]};
    }

    private double measurementSigma(double scale) {
        return measurementNoise * scale + MEASUREMENT_FLOOR;
    }

    /** The box size a quantity's noise scales with: width for horizontal ones, height for vertical ones. */
    private double scale(int i) {
        return Math.max(MIN_SIZE, i == CX || i == W ? value[W] : value[H]);
    }

    private static void measure(Box b, double[] into) {
        into[CX] = (b.left() + b.right()) / 2;
        into[CY] = (b.top() + b.bottom()) / 2;
        into[W] = Math.max(MIN_SIZE, b.right() - b.left());
        into[H] = Math.max(MIN_SIZE, b.bottom() - b.top());
    }
}
