package io.cuepoint.analyzer.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.wire.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoxKalmanFilterTest {
    private static Box box(double cx, double cy, double w, double h) {
        return new Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    private static double cx(Box b) {
        return (b.left() + b.right()) / 2;
    }

    @ParameterizedTest(name = "every {0} ms")
    @ValueSource(ints = {250, 1000})
    void learnsAConstantVelocityAndPredictsAhead(int stepMs) {
        // 0.12 frame/s to the right, 0.03 frame/s down, growing 0.01 frame/s wide.
        var filter = new BoxKalmanFilter(box(0.2, 0.3, 0.1, 0.2), 0.08, 0.5);
        double dt = stepMs / 1000.0;
        for (int i = 1; i <= 8; i++) {
            double t = i * dt;
            filter.predict(dt);
            filter.update(box(0.2 + 0.12 * t, 0.3 + 0.03 * t, 0.1 + 0.01 * t, 0.2));
        }
        assertThat(filter.centreVelocity()[0]).isCloseTo(0.12, within(0.006));
        assertThat(filter.centreVelocity()[1]).isCloseTo(0.03, within(0.006));
        filter.predict(1.0);
        double t = 8 * dt + 1.0;
        Box predicted = filter.box();
        assertThat(cx(predicted)).isCloseTo(0.2 + 0.12 * t, within(0.01));
        assertThat(predicted.right() - predicted.left()).isCloseTo(0.1 + 0.01 * t, within(0.005));
    }

    @Test
    void uncertaintyGrowsWithTheTimeSinceTheLastDetection() {
        var soon = steadyFilter();
        var late = steadyFilter();
        soon.predict(0.25);
        late.predict(2.0);
        // The same detection, 0.05 to the right of where each filter expects it.
        double soonCx = cx(soon.box());
        double lateCx = cx(late.box());
        double near = soon.centreDistanceSquared(box(soonCx + 0.05, 0.5, 0.1, 0.2));
        double far = late.centreDistanceSquared(box(lateCx + 0.05, 0.5, 0.1, 0.2));
        assertThat(far).isLessThan(near / 4);
    }

    @Test
    void aShrinkingBoxNeverTurnsInsideOut() {
        var filter = new BoxKalmanFilter(box(0.5, 0.5, 0.2, 0.2), 0.08, 0.5);
        for (int i = 1; i <= 4; i++) {
            filter.predict(0.25);
            filter.update(box(0.5, 0.5, 0.2 - 0.045 * i, 0.2 - 0.045 * i));
        }
        filter.predict(5.0);
        Box b = filter.box();
        assertThat(b.right() - b.left()).isGreaterThanOrEqualTo(BoxKalmanFilter.MIN_SIZE);
        assertThat(b.bottom() - b.top()).isGreaterThanOrEqualTo(BoxKalmanFilter.MIN_SIZE);
    }

    private static BoxKalmanFilter steadyFilter() {
        var filter = new BoxKalmanFilter(box(0.5, 0.5, 0.1, 0.2), 0.08, 0.5);
        for (int i = 1; i <= 8; i++) {
            filter.predict(0.25);
            filter.update(box(0.5, 0.5, 0.1, 0.2));
        }
        return filter;
    }
}
