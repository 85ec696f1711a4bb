package io.cuepoint.analyzer.audio;

/**
 * What one stretch of speech sounded like.
 *
 * @param syllableCount     syllable nuclei in it
 * @param wordsPerMinute    syllables per minute of the stretch divided by the configured syllables per word
 * @param loudnessDb        level of its mean power over the audible frames, dBFS
 * @param pitchMeanHz       mean pitch of its voiced frames, 0 when none
 * @param pitchVariationSt  standard deviation of that pitch in semitones: how much the voice moves
 * @param energyVariationDb standard deviation of the audible frames' level in dB
 */
public record SpeechMeasures(int syllableCount, double wordsPerMinute, double loudnessDb, double pitchMeanHz,
                             double pitchVariationSt, double energyVariationDb) {
}
