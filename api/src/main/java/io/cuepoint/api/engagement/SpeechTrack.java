package io.cuepoint.api.engagement;

import java.util.OptionalDouble;

/**
 * What the engagement timeline needs to know about a video's speech, over any stretch of media time: read
 * from the speech detector's {@code prosody} artifacts where they exist ({@link Prosody}), else from its
 * {@code speech.active} events ({@link SpeechEvents}).
 */
interface SpeechTrack {
    /**
     * Syllables per word of English speech, used to turn syllable nuclei into words where the prosody does not
     * say which divisor the analyzer used. Spoken English averages about 1.4 to 1.5 syllables per word; the
     * estimate only needs to be stable, not exact.
     */
    double SYLLABLES_PER_WORD = 1.5;

    /** The audio the speech detector analysed, where speech could have been found. */
    Intervals analysed();

    /** Where someone speaks. */
    Intervals speech();

    /** Words spoken in {@code [from, to)} (syllable nuclei divided by the analyzer's syllables per word). */
    double words(long from, long to);

    /** Standard deviation of voiced pitch in semitones over the speech in {@code [from, to)}; empty under 1 s. */
    OptionalDouble pitchVariationSt(long from, long to);

    /** Standard deviation of loudness in dB over the speech frames in {@code [from, to)}; empty under 1 s. */
    OptionalDouble energyVariationDb(long from, long to);
}
