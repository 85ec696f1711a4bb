package io.cuepoint.api.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The documented mappings from measures to components, at and between their breakpoints. */
class ComponentScalesTest {
    @Test
    void speakingRateRisesToALivelyRateHoldsThenFallsToAFloor() {
        assertThat(ComponentScales.speakingRate(0)).isZero();
        assertThat(ComponentScales.speakingRate(40)).isZero();
        assertThat(ComponentScales.speakingRate(100)).isCloseTo(0.5, within(1e-9));
        assertThat(ComponentScales.speakingRate(160)).isEqualTo(1);
        assertThat(ComponentScales.speakingRate(250)).isEqualTo(1);
        assertThat(ComponentScales.speakingRate(290)).isCloseTo(0.75, within(1e-9));
        assertThat(ComponentScales.speakingRate(500)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void vocalVarietyWeighsPitchAboveLoudnessAndUsesWhicheverExists() {
        assertThat(ComponentScales.vocalVariety(4.0, 8.0)).isCloseTo(1, within(1e-9));
        assertThat(ComponentScales.vocalVariety(1.0, 8.0)).isCloseTo(0.3, within(1e-9));
        assertThat(ComponentScales.vocalVariety(2.5, 2.0)).isCloseTo(0.35, within(1e-9));
        assertThat(ComponentScales.vocalVariety(null, 5.0)).isCloseTo(0.5, within(1e-9));
        assertThat(ComponentScales.vocalVariety(null, null)).isNull();
    }

    @Test
    void visualPresenterGestureAndStaticStretchMappings() {
        assertThat(ComponentScales.visualChange(0)).isZero();
        assertThat(ComponentScales.visualChange(1)).isEqualTo(0.5);
        assertThat(ComponentScales.visualChange(3)).isEqualTo(0.75);
        assertThat(ComponentScales.presenter(1, 0.5)).isEqualTo(0.75);
        assertThat(ComponentScales.gesture(0.25)).isEqualTo(0.5);
        assertThat(ComponentScales.gesture(0.9)).isEqualTo(1);
        assertThat(ComponentScales.staticStretch(60_000, 120_000, 360_000)).isEqualTo(1);
        assertThat(ComponentScales.staticStretch(240_000, 120_000, 360_000)).isEqualTo(0.5);
        assertThat(ComponentScales.staticStretch(400_000, 120_000, 360_000)).isZero();
    }
}
