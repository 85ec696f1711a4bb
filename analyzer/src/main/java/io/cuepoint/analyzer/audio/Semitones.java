package io.cuepoint.analyzer.audio;

/** Pitch intervals in semitones, the unit in which pitch variation is comparable between voices. */
final class Semitones {
    private static final double PER_OCTAVE = 12 / Math.log(2);

    private Semitones() {
    }

    /** Semitones from {@code fromHz} up to {@code toHz}. */
    static double between(double fromHz, double toHz) {
        return PER_OCTAVE * Math.log(toHz / fromHz);
    }
}
