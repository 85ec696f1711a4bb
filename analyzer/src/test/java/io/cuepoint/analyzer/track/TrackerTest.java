package io.cuepoint.analyzer.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.analyzer.wire.Box;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Synthetic scenes with known identities, fed to the tracker as a detector would. */
class TrackerTest {

    private static Detection person(double cx, double cy, double w, double h) {
        return detection(cx, cy, w, h, "person");
    }

    private static Detection detection(double cx, double cy, double w, double h, String label) {
        return new Detection(new Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2), 0.9, label);
    }

    /** The distinct non-zero numbers given to one target over a run, in order of first use. */
    private static Set<Integer> numbersOf(List<int[]> answers, int target) {
        var seen = new LinkedHashSet<Integer>();
        for (int[] a : answers) {
            if (target < a.length && a[target] != 0) {
                seen.add(a[target]);
            }
        }
        return seen;
    }

    @ParameterizedTest(name = "sampled every {0} ms")
    @ValueSource(ints = {250, 1000})
    void twoTargetsCrossingPathsKeepTheirNumbers(int stepMs) {
        // Same size, same label, opposite directions at 0.2 frame/s (two box widths a second); they overlap
        // for about a second around t = 4 s and meet head-on.
        var tracker = new Tracker(TrackerConfig.defaults());
        var a = new ArrayList<int[]>();
        var b = new ArrayList<int[]>();
        for (long t = 0; t <= 8000; t += stepMs) {
            double s = t / 1000.0;
            var answer = tracker.update(t, List.of(person(0.1 + 0.1 * s, 0.50, 0.1, 0.3),
                    person(0.9 - 0.1 * s, 0.52, 0.1, 0.3)));
            a.add(new int[]{answer[0]});
            b.add(new int[]{answer[1]});
        }
        assertThat(numbersOf(a, 0)).containsExactly(1);
        assertThat(numbersOf(b, 0)).containsExactly(2);
        // The first update numbers at once (a segment's lead-in must carry numbers).
        assertThat(a.get(0)[0]).isEqualTo(1);
    }

    @Test
    void theHiddenTargetOfACrossingComesBackWithItsNumber() {
        // While the two overlap, only the one in front (A) is detected; B reappears on the other side.
        var tracker = new Tracker(TrackerConfig.defaults());
        int hiddenUpdates = 0;
        for (long t = 0; t <= 8000; t += 250) {
            double s = t / 1000.0;
            double ax = 0.1 + 0.1 * s;
            double bx = 0.9 - 0.1 * s;
            var a = person(ax, 0.50, 0.1, 0.3);
            if (Math.abs(ax - bx) < 0.1) {
                hiddenUpdates++;
                assertThat(tracker.update(t, List.of(a))).containsExactly(1);
            } else {
                assertThat(tracker.update(t, List.of(a, person(bx, 0.52, 0.1, 0.3)))).containsExactly(1, 2);
            }
        }
        assertThat(hiddenUpdates).isGreaterThanOrEqualTo(3);
        assertThat(tracker.confirmedTracks()).isEqualTo(2);
    }

    @ParameterizedTest(name = "unseen for {0} ms")
    @ValueSource(ints = {500, 1500, 2000})
    void aTargetMissingWithinMaxAgeKeepsItsNumber(int gapMs) {
        var tracker = new Tracker(TrackerConfig.defaults());
        long resumeAt = 3000 + gapMs;
        for (long t = 0; t <= 6000; t += 250) {
            double x = 0.2 + 0.05 * t / 1000.0;
            boolean visible = t <= 3000 || t >= resumeAt;
            // A second target elsewhere, always visible, keeps the scene from being trivially empty.
            var other = person(0.8, 0.3, 0.1, 0.3);
            var answer = tracker.update(t, visible ? List.of(person(x, 0.6, 0.1, 0.3), other) : List.of(other));
            if (visible) {
                assertThat(answer).as("at %d ms", t).containsExactly(1, 2);
            }
        }
    }

    @ParameterizedTest(name = "unseen for {0} ms")
    @ValueSource(ints = {2250, 4000})
    void aTargetMissingBeyondMaxAgeGetsANewNumber(int gapMs) {
        var tracker = new Tracker(TrackerConfig.defaults());
        long resumeAt = 3000 + gapMs;
        var after = new ArrayList<Integer>();
        for (long t = 0; t <= 9000; t += 250) {
            double x = 0.2 + 0.05 * t / 1000.0;
            if (t <= 3000) {
                assertThat(tracker.update(t, List.of(person(x, 0.6, 0.1, 0.3)))).containsExactly(1);
            } else if (t >= resumeAt) {
                after.add(tracker.update(t, List.of(person(x, 0.6, 0.1, 0.3)))[0]);
            } else {
                tracker.update(t, List.of());
            }
        }
        // A new track: tentative for its first sample (minHits 2), then number 2 for good.
        assertThat(after.get(0)).isZero();
        assertThat(after.subList(1, after.size())).containsOnly(2);
    }

    @Test
    void labelsNeverMixEvenOnTheSameBox() {
        // A person holding a cup: identical boxes, moving together, different labels.
        var tracker = new Tracker(TrackerConfig.defaults());
        for (long t = 0; t <= 4000; t += 250) {
            double x = 0.2 + 0.1 * t / 1000.0;
            var frame = t % 500 == 0
                    ? List.of(detection(x, 0.5, 0.1, 0.2, "cup"), detection(x, 0.5, 0.1, 0.2, "person"))
                    : List.of(detection(x, 0.5, 0.1, 0.2, "person"), detection(x, 0.5, 0.1, 0.2, "cup"));
            int[] answer = tracker.update(t, frame);
            int cup = frame.get(0).label().equals("cup") ? answer[0] : answer[1];
            int person = frame.get(0).label().equals("cup") ? answer[1] : answer[0];
            assertThat(cup).isEqualTo(1);
            assertThat(person).isEqualTo(2);
        }
        // The person leaves; a bottle appears exactly where the person track predicts it: a new track.
        tracker.update(4250, List.of(detection(0.625, 0.5, 0.1, 0.2, "cup")));
        int[] bottle = tracker.update(4500, List.of(detection(0.65, 0.5, 0.1, 0.2, "cup"),
                detection(0.65, 0.5, 0.1, 0.2, "bottle")));
        assertThat(bottle[0]).isEqualTo(1);
        assertThat(bottle[1]).isZero();
        assertThat(tracker.update(4750, List.of(detection(0.675, 0.5, 0.1, 0.2, "bottle")))).containsExactly(3);
    }

    @Test
    void aSmallFastObjectSampledOncePerSecondStaysOneTrack() {
        // A 0.03-wide object moving 0.25 frame/s: eight of its own widths between samples, so consecutive
        // boxes never overlap. A second one runs parallel 0.25 below, in the other direction.
        var tracker = new Tracker(TrackerConfig.defaults());
        var answers = new ArrayList<int[]>();
        var noise = new java.util.Random(3);
        for (long t = 0; t <= 3000; t += 1000) {
            double s = t / 1000.0;
            answers.add(tracker.update(t, List.of(
                    detection(0.1 + 0.25 * s + 0.002 * noise.nextGaussian(), 0.4, 0.03, 0.03, "sports ball"),
                    detection(0.9 - 0.25 * s + 0.002 * noise.nextGaussian(), 0.65, 0.03, 0.03, "sports ball"))));
        }
        assertThat(answers).allSatisfy(a -> assertThat(a).containsExactly(1, 2));
    }

    @Test
    void laterBirthsWaitForMinHitsAndHistoryNumbersTheirFirstDetections() {
        var tracker = new Tracker(TrackerConfig.defaults().withMinHits(3));
        assertThat(tracker.update(0, List.of(person(0.2, 0.5, 0.1, 0.3)))).containsExactly(1);
        assertThat(tracker.update(250, List.of(person(0.21, 0.5, 0.1, 0.3)))).containsExactly(1);
        assertThat(tracker.update(500, List.of(person(0.22, 0.5, 0.1, 0.3)))).containsExactly(1);
        // From the fourth update on, a newcomer needs three consecutive detections.
        assertThat(tracker.update(750, List.of(person(0.23, 0.5, 0.1, 0.3), person(0.7, 0.5, 0.1, 0.3))))
                .containsExactly(1, 0);
        assertThat(tracker.update(1000, List.of(person(0.7, 0.5, 0.1, 0.3), person(0.24, 0.5, 0.1, 0.3))))
                .containsExactly(0, 1);
        assertThat(tracker.update(1250, List.of(person(0.25, 0.5, 0.1, 0.3), person(0.7, 0.5, 0.1, 0.3))))
                .containsExactly(1, 2);
        // A one-off detection never gets a number, and a tentative track that misses once is dropped.
        assertThat(tracker.update(1500, List.of(person(0.26, 0.5, 0.1, 0.3), person(0.7, 0.5, 0.1, 0.3),
                person(0.5, 0.1, 0.05, 0.1)))).containsExactly(1, 2, 0);
        assertThat(tracker.update(1750, List.of(person(0.27, 0.5, 0.1, 0.3), person(0.7, 0.5, 0.1, 0.3))))
                .containsExactly(1, 2);

        var history = tracker.history();
        assertThat(history).hasSize(8);
        assertThat(history.get(3)).containsExactly(1, 2);
        assertThat(history.get(4)).containsExactly(2, 1);
        assertThat(history.get(6)).containsExactly(1, 2, 0);
        assertThat(tracker.confirmedTracks()).isEqualTo(2);
    }

    @Test
    void theSameUpdatesGiveTheSameNumbers() {
        var first = RandomWalkers.run(new Tracker(TrackerConfig.defaults()), 20, 250, 30_000, 11);
        var second = RandomWalkers.run(new Tracker(TrackerConfig.defaults()), 20, 250, 30_000, 11);
        assertThat(second.answers()).hasSameSizeAs(first.answers());
        for (int i = 0; i < first.answers().size(); i++) {
            assertThat(second.answers().get(i)).isEqualTo(first.answers().get(i));
        }
    }

    @Test
    void timeMustNotGoBack() {
        var tracker = new Tracker(TrackerConfig.defaults());
        tracker.update(1000, List.of());
        tracker.update(1000, List.of());
        assertThatThrownBy(() -> tracker.update(999, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999");
    }

    @Test
    void anInvertedBoxIsRefused() {
        assertThatThrownBy(() -> new Detection(new Box(0.5, 0.1, 0.4, 0.2), 0.9, "person"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Detection(new Box(0.1, Double.NaN, 0.4, 0.2), 0.9, "person"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
