package io.cuepoint.api.engagement;

/**
 * How each measure becomes a component between 0 and 1. The breakpoints are Cuepoint's own calibration; the
 * direction of each mapping follows the research cited in the README ("Engagement timeline").
 */
final class ComponentScales {
    /** Words per minute at and below which the speaking-rate component is 0: barely any speech in the window. */
    static final double RATE_ZERO = 40;
    /** Words per minute from which it is 1: a lively conversational rate (Guo et al. 2014: faster was better). */
    static final double RATE_FULL = 160;
    /** Words per minute up to which it stays 1 (comprehension holds to about 250-275 wpm, Foulke & Sticht 1969). */
    static final double RATE_FAST = 250;
    /** Words per minute at which it has fallen to {@link #RATE_FLOOR}, and stays there. */
    static final double RATE_TOO_FAST = 330;
    static final double RATE_FLOOR = 0.5;
    /** Pitch standard deviation in semitones that counts as flat (0) and as lively (1). */
    static final double PITCH_FLAT_ST = 1.0;
    static final double PITCH_LIVELY_ST = 4.0;
    /** Loudness standard deviation in dB that counts as flat (0) and as lively (1). */
    static final double ENERGY_FLAT_DB = 2.0;
    static final double ENERGY_LIVELY_DB = 8.0;
    /** Share of pitch in vocal variety; loudness has the rest. */
    static final double PITCH_SHARE = 0.7;
    /** Recent visual changes at which the visual-change component is one half. */
    static final double CHANGES_HALF = 1.0;
    /** Share of the presenter's time in view spent gesturing from which the gesture component is 1. */
    static final double GESTURE_FULL = 0.5;

    private ComponentScales() {
    }

    /** Rises linearly from 0 to 1 between 40 and 160 wpm, holds to 250, falls to 0.5 at 330 and beyond. */
    static double speakingRate(double wordsPerMinute) {
        if (wordsPerMinute <= RATE_FULL) {
            return ramp(wordsPerMinute, RATE_ZERO, RATE_FULL);
        }
        if (wordsPerMinute <= RATE_FAST) {
            return 1;
        }
        return 1 - (1 - RATE_FLOOR) * ramp(wordsPerMinute, RATE_FAST, RATE_TOO_FAST);
    }

    /** 0.7 of the pitch ramp (1 to 4 st) plus 0.3 of the loudness ramp (2 to 8 dB); either alone when one is missing. */
    static Double vocalVariety(Double pitchSt, Double energyDb) {
        Double pitch = pitchSt == null ? null : ramp(pitchSt, PITCH_FLAT_ST, PITCH_LIVELY_ST);
        Double energy = energyDb == null ? null : ramp(energyDb, ENERGY_FLAT_DB, ENERGY_LIVELY_DB);
        if (pitch != null && energy != null) {
            return PITCH_SHARE * pitch + (1 - PITCH_SHARE) * energy;
        }
        return pitch != null ? pitch : energy;
    }

    /** {@code n / (n + 1)} of the decayed count of recent changes: 0 without any, 0.5 for one, towards 1 for many. */
    static double visualChange(double recentChanges) {
        return recentChanges / (recentChanges + CHANGES_HALF);
    }

    /** Half for the share of the window with the presenter in view, half for the share facing the camera. */
    static double presenter(double visibleShare, double facingShare) {
        return 0.5 * clamp(visibleShare) + 0.5 * clamp(facingShare);
    }

    /** The share of the presenter's time in view spent gesturing, full marks from one half. */
    static double gesture(double gestureShare) {
        return clamp(gestureShare / GESTURE_FULL);
    }

    /** 1 until {@code onsetMs} without visual change, then falling linearly to 0 at {@code fullMs}. */
    static double staticStretch(double sinceChangeMs, long onsetMs, long fullMs) {
        return 1 - ramp(sinceChangeMs, onsetMs, fullMs);
    }

    /** 0 at and below {@code from}, 1 at and above {@code to}, linear between. */
    static double ramp(double x, double from, double to) {
        return clamp((x - from) / (to - from));
    }

    static double clamp(double x) {
        return x < 0 ? 0 : Math.min(1, x);
    }
}
