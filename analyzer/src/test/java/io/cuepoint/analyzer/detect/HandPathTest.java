package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link HandPath} on synthetic hand tracks whose path length, rests and movements are known exactly. */
class HandPathTest {
    private static final SkillsConfig CONFIG = SkillsConfig.defaults();
    private static final long STEP = 250;
    /** Keypoint jitter of a resting MoveNet wrist: about 3 px at 720p (1469 px diagonal). */
    private static final double JITTER = 0.002;

    /**
     * 40 s: rest, a straight reach, rest, an L-shaped move (two legs without stopping), rest, a back-and-forth
     * stroke (turning without stopping), rest, a slow slide, rest. Speeds 0.07 to 0.11 diagonals per second, path
     * about 1.02 diagonals.
     */
    static final HandWaypoints PROCEDURE = HandWaypoints.of(
            0, 0.2, 0.2, 4000, 0.2, 0.2, 7000, 0.5, 0.3, 12_000, 0.5, 0.3, 14_000, 0.5, 0.5, 17_000, 0.3, 0.45,
            22_000, 0.3, 0.45, 24_000, 0.45, 0.45, 26_000, 0.3, 0.45, 30_000, 0.3, 0.45, 32_500, 0.5, 0.45,
            40_000, 0.5, 0.45);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void jitteryTrackWithOutliersAndDropoutsMeasuresWithinFivePercent(long seed) {
        var samples = sample(PROCEDURE, new Random(seed), JITTER, true);

        var m = HandPath.measure(samples, CONFIG);

        double truthIdle = (double) PROCEDURE.idleMs(0, 40_000) / 40_000;
        assertThat(m.pathLength()).isCloseTo(PROCEDURE.pathLength(), within(0.05 * PROCEDURE.pathLength()));
        assertThat(m.idleShare()).isCloseTo(truthIdle, within(0.05 * truthIdle));
        assertThat(m.trackedMs()).isEqualTo(40_000);
        assertThat(m.movementCount()).isEqualTo(PROCEDURE.moving().size());
        var active = m.runs().stream().filter(HandPath.Run::active).toList();
        for (int i = 0; i < active.size(); i++) {
            var truth = PROCEDURE.moving().get(i);
            assertThat(active.get(i).first().ms()).isCloseTo(truth[0], within(STEP));
            assertThat(active.get(i).last().ms()).isCloseTo(truth[1], within(STEP));
        }
        // The fastest leg goes 0.105 diagonals per second; noise and outliers must not make a hand much faster.
        assertThat(m.peakSpeed()).isBetween(0.09, 0.13);
    }

    @Test
    void cleanTrackIsExactButForTheTurnsThatTheSmoothingRounds() {
        var m = HandPath.measure(sample(PROCEDURE, new Random(0), 0, false), CONFIG);

        // The L's corner and the stroke's turning point, each without a pause, lose a fraction of a step.
        assertThat(m.pathLength()).isLessThan(PROCEDURE.pathLength())
                .isCloseTo(PROCEDURE.pathLength(), within(0.03 * PROCEDURE.pathLength()));
        assertThat(m.idleMs()).isEqualTo(PROCEDURE.idleMs(0, 40_000));
        assertThat(m.runs()).extracting(HandPath.Run::active)
                .containsExactly(false, true, false, true, false, true, false, true, false);
        assertThat(m.peakSpeed()).isCloseTo(Math.hypot(0.3, 0.1) / 3, within(1e-9));
        assertThat(m.meanSpeed()).isCloseTo(m.pathLength() / 40, within(1e-9));
    }

    @Test
    void jitterAtRestIsNotPath() {
        var still = HandWaypoints.of(0, 0.3, 0.3, 20_000, 0.3, 0.3);

        var m = HandPath.measure(sample(still, new Random(42), 2 * JITTER, false), CONFIG);

        assertThat(m.movementCount()).isZero();
        assertThat(m.idleShare()).isEqualTo(1.0);
        // Summed, the jitter would make 80 steps of about 0.007 diagonals.
        assertThat(m.pathLength()).isLessThan(0.02);
    }

    @Test
    void aLongDropoutSplitsTheTrackAndIsNotTrackedTime() {
        var samples = new ArrayList<>(sample(PROCEDURE, new Random(3), JITTER, false));
        // Hands out of view from 8 s to 11 s (rest: nothing of the path is lost).
        samples.removeIf(s -> s.ms() > 8000 && s.ms() < 11_000);

        var m = HandPath.measure(samples, CONFIG);

        assertThat(m.trackedMs()).isEqualTo(40_000 - 3000);
        assertThat(m.movementCount()).isEqualTo(4);
        assertThat(m.pathLength()).isCloseTo(PROCEDURE.pathLength(), within(0.05 * PROCEDURE.pathLength()));
        // No run spans the gap.
        assertThat(m.runs()).noneMatch(r -> r.first().ms() <= 8000 && r.last().ms() >= 11_000);
    }

    @Test
    void aTwitchShorterThanTheMinimumMovementIsRest() {
        // 250 ms at 0.4 diagonals per second and back: one sample's worth, below minMovementMs.
        var twitch = HandWaypoints.of(0, 0.3, 0.3, 5000, 0.3, 0.3, 5250, 0.4, 0.3, 5500, 0.3, 0.3, 10_000, 0.3, 0.3);

        var m = HandPath.measure(sample(twitch, new Random(5), 0, false), CONFIG);

        assertThat(m.movementCount()).isZero();
    }

    /**
     * Samples every 250 ms with Gaussian jitter; {@code damaged} adds three one-sample outliers (a wrist placed
     * 0.1 diagonals off) and two bridged dropouts of 750 ms, one at rest and one mid-movement.
     */
    static List<HandSample> sample(HandWaypoints path, Random random, double jitter, boolean damaged) {
        var out = new ArrayList<HandSample>();
        long end = (long) path.points().get(path.points().size() - 1)[0];
        for (long ms = 0; ms <= end; ms += STEP) {
            if (damaged && (ms > 9000 && ms < 9750 || ms > 14_500 && ms < 15_250)) {
                continue;
            }
            var p = path.at(ms);
            double x = p[0] + random.nextGaussian() * jitter;
            double y = p[1] + random.nextGaussian() * jitter;
            if (damaged && (ms == 2000 || ms == 19_000 || ms == 33_000)) {
                x += 0.1;
                y -= 0.05;
            }
            out.add(new HandSample(ms, ms / 40, x, y));
        }
        return out;
    }
}
