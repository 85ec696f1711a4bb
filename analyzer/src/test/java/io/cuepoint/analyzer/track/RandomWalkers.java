package io.cuepoint.analyzer.track;

import io.cuepoint.analyzer.wire.Box;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A crowd of people walking at random in the frame, detected with noise and occasional misses, fed to a
 * tracker; counts how often the tracker's numbers and the true identities disagree.
 *
 * <p>Each walker has a box 0.04 to 0.08 of the frame wide and 2.5 times as tall, and a velocity of up to
 * 0.15 frame per second that drifts at random (a random walk of the velocity, so paths curve and
 * speeds change), bouncing off the frame's edges. The detector misses a walker in 5 % of samples and
 * places its box with 3 % (of the box size) error on centre and size; detections come in shuffled order.
 */
final class RandomWalkers {

    private RandomWalkers() {
    }

    /**
     * @param states        per update, per walker: its true centre x, centre y, width, height and velocity
     *                      x and y (frame per second)
     * @param frames        the detections of each update
     * @param answers       the tracker's answer to each update
     * @param truth         per update, per detection: the walker it shows
     * @param switches      identity switches: times a walker's number differs from its previous non-zero one
     * @param numbers       distinct track numbers handed out
     * @param unnumbered    detections answered with 0
     * @param detections    detections in all
     */
    record Run(List<double[][]> states, List<List<Detection>> frames, List<int[]> answers, List<int[]> truth, int switches, int numbers, int unnumbered, int detections) {
    }

    static Run run(Tracker tracker, int walkers, int stepMs, long durationMs, long seed) {
        return run(tracker, walkers, 0.15, stepMs, durationMs, seed);
    }

    static Run run(Tracker tracker, int walkers, double maxSpeed, int stepMs, long durationMs, long seed) {
        var random = new Random(seed);
        double[] x = new double[walkers];
        double[] y = new double[walkers];
        double[] w = new double[walkers];
        double[] h = new double[walkers];
        double[] vx = new double[walkers];
        double[] vy = new double[walkers];
        for (int i = 0; i < walkers; i++) {
            w[i] = 0.04 + 0.04 * random.nextDouble();
            h[i] = 2.5 * w[i];
            x[i] = w[i] / 2 + (1 - w[i]) * random.nextDouble();
            y[i] = h[i] / 2 + (1 - h[i]) * random.nextDouble();
            double heading = 2 * Math.PI * random.nextDouble();
            double speed = maxSpeed * (0.2 + 0.6 * random.nextDouble());
            vx[i] = speed * Math.cos(heading);
            vy[i] = speed * Math.sin(heading);
        }
        var states = new ArrayList<double[][]>();
        var frames = new ArrayList<List<Detection>>();
        var answers = new ArrayList<int[]>();
        var truths = new ArrayList<int[]>();
        Map<Integer, Integer> lastNumber = new HashMap<>();
        var used = new java.util.HashSet<Integer>();
        int switches = 0;
        int unnumbered = 0;
        int detections = 0;
        double dt = stepMs / 1000.0;
        for (long t = 0; t <= durationMs; t += stepMs) {
            if (t > 0) {
                for (int i = 0; i < walkers; i++) {
                    vx[i] += maxSpeed / 3 * Math.sqrt(dt) * random.nextGaussian();
                    vy[i] += maxSpeed / 3 * Math.sqrt(dt) * random.nextGaussian();
                    double speed = Math.hypot(vx[i], vy[i]);
                    if (speed > maxSpeed) {
                        vx[i] *= maxSpeed / speed;
                        vy[i] *= maxSpeed / speed;
                    }
                    x[i] += vx[i] * dt;
                    y[i] += vy[i] * dt;
                    if (x[i] < w[i] / 2 || x[i] > 1 - w[i] / 2) {
                        vx[i] = -vx[i];
                        x[i] = Math.max(w[i] / 2, Math.min(1 - w[i] / 2, x[i]));
                    }
                    if (y[i] < h[i] / 2 || y[i] > 1 - h[i] / 2) {
                        vy[i] = -vy[i];
                        y[i] = Math.max(h[i] / 2, Math.min(1 - h[i] / 2, y[i]));
                    }
                }
            }
            double[][] state = new double[walkers][];
            for (int i = 0; i < walkers; i++) {
                state[i] = new double[]{x[i], y[i], w[i], h[i], vx[i], vy[i]};
            }
            states.add(state);
            var seen = new ArrayList<Integer>();
            for (int i = 0; i < walkers; i++) {
                if (random.nextDouble() >= 0.05) {
                    seen.add(i);
                }
            }
            Collections.shuffle(seen, random);
            var frame = new ArrayList<Detection>();
            for (int i : seen) {
                double cx = x[i] + 0.03 * w[i] * random.nextGaussian();
                double cy = y[i] + 0.03 * h[i] * random.nextGaussian();
                double bw = w[i] * (1 + 0.03 * random.nextGaussian());
                double bh = h[i] * (1 + 0.03 * random.nextGaussian());
                frame.add(new Detection(new Box(cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2), 0.8, "person"));
            }
            int[] answer = tracker.update(t, frame);
            int[] truth = seen.stream().mapToInt(Integer::intValue).toArray();
            for (int d = 0; d < answer.length; d++) {
                detections++;
                if (answer[d] == 0) {
                    unnumbered++;
                    continue;
                }
                used.add(answer[d]);
                Integer previous = lastNumber.put(truth[d], answer[d]);
                if (previous != null && previous != answer[d]) {
                    switches++;
                }
            }
            frames.add(frame);
            answers.add(answer);
            truths.add(truth);
        }
        return new Run(states, frames, answers, truths, switches, used.size(), unnumbered, detections);
    }

    /**
     * Mistakes of an oracle on the same run: each walker's box is predicted from its true position and
     * velocity one sample back, and detections are assigned to walkers by least total squared distance (in
     * box sizes). A detection assigned to the wrong walker counts once. What remains ambiguous even then
     * is a floor under what a tracker can reach.
     */
    static int oracleMistakes(Run run, int stepMs) {
        double dt = stepMs / 1000.0;
        int mistakes = 0;
        for (int u = 1; u < run.frames().size(); u++) {
            double[][] previous = run.states().get(u - 1);
            var frame = run.frames().get(u);
            double[][] cost = new double[previous.length][frame.size()];
            for (int i = 0; i < previous.length; i++) {
                double px = previous[i][0] + previous[i][4] * dt;
                double py = previous[i][1] + previous[i][5] * dt;
                for (int d = 0; d < frame.size(); d++) {
                    var b = frame.get(d).box();
                    double dx = ((b.left() + b.right()) / 2 - px) / previous[i][2];
                    double dy = ((b.top() + b.bottom()) / 2 - py) / previous[i][3];
                    cost[i][d] = dx * dx + dy * dy;
                }
            }
            int[] chosen = LinearAssignment.solve(cost);
            for (int i = 0; i < chosen.length; i++) {
                if (chosen[i] >= 0 && run.truth().get(u)[chosen[i]] != i) {
                    mistakes++;
                }
            }
        }
        return mistakes;
    }
}
