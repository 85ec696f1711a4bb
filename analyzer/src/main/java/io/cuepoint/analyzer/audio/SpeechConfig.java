package io.cuepoint.analyzer.audio;

import static io.cuepoint.analyzer.EnvironmentKeys.integer;
import static io.cuepoint.analyzer.EnvironmentKeys.real;

import io.cuepoint.analyzer.AnalyzerException;
import java.util.Map;

/**
 * Tuning of the {@code speech} detector (see {@link SpeechAnalysis} for how the values are used).
 *
 * @param minPauseMs        silences shorter than this inside speech are bridged; longer ones are
 *                          {@code speech.pause} (env {@code CUEPOINT_SPEECH_MIN_PAUSE_MS}, default 300, the
 *                          minimum pause of de Jong and Wempe 2009)
 * @param maxPauseMs        longest gap between two speech intervals still reported as a pause
 *                          (env {@code CUEPOINT_SPEECH_MAX_PAUSE_MS}, default 5000)
 * @param minSpeechMs       shortest speech interval kept, after bridging (env {@code CUEPOINT_SPEECH_MIN_SPEECH_MS},
 *                          default 200: about one syllable)
 * @param minNonSpeechMs    shortest {@code audio.nonspeech} interval (env {@code CUEPOINT_SPEECH_MIN_NONSPEECH_MS},
 *                          default 1000)
 * @param snrDb             dB a frame's speech band (300 to 4000 Hz) must stand above the segment's noise
 *                          floor to count as sound (env {@code CUEPOINT_SPEECH_SNR_DB}, default 6)
 * @param minModulationDb   spread (standard deviation, dB) of the speech-band level within a second that
 *                          speech needs: syllables make it rise and fall several times a second, steady noise
 *                          and held chords do not (env {@code CUEPOINT_SPEECH_MIN_MODULATION_DB}, default 3)
 * @param minVoicedShare    share of voiced frames within a second that speech needs
 *                          (env {@code CUEPOINT_SPEECH_MIN_VOICED_SHARE}, default 0.15)
 * @param maxStableShare    share of voiced frames whose pitch holds within 0.1 semitone from one frame to
 *                          the next above which a stretch is music, not speech: notes hold their pitch,
 *                          voices glide (env {@code CUEPOINT_SPEECH_MAX_STABLE_SHARE}, default 0.75)
 * @param voicingThreshold  YIN aperiodicity below which a frame is voiced, 0 to 1
 *                          (env {@code CUEPOINT_SPEECH_VOICING_THRESHOLD}, default 0.3)
 * @param minPitchHz        lowest voice pitch searched (env {@code CUEPOINT_SPEECH_MIN_PITCH_HZ}, default 60)
 * @param maxPitchHz        highest voice pitch searched (env {@code CUEPOINT_SPEECH_MAX_PITCH_HZ}, default 400)
 * @param nucleusDipDb      dip in intensity needed between two syllable nuclei
 *                          (env {@code CUEPOINT_SPEECH_NUCLEUS_DIP_DB}, default 2, de Jong and Wempe 2009)
 * @param nucleusRangeDb    nuclei must be louder than the speech's loud level (99th percentile) minus this
 *                          (env {@code CUEPOINT_SPEECH_NUCLEUS_RANGE_DB}, default 25, de Jong and Wempe 2009)
 * @param syllablesPerWord  syllables per word used to turn syllable rate into words per minute
 *                          (env {@code CUEPOINT_SPEECH_SYLLABLES_PER_WORD}, default 1.5, typical of English
 *                          running text; other languages differ)
 * @param silenceDbfs       non-speech quieter than this (mean level, dBFS) is {@code silence}, louder is noise or
 *                          music (env {@code CUEPOINT_SPEECH_SILENCE_DBFS}, default -55)
 */
public record SpeechConfig(int minPauseMs, int maxPauseMs, int minSpeechMs, int minNonSpeechMs, double snrDb,
                           double minModulationDb, double minVoicedShare, double maxStableShare,
                           double voicingThreshold, double minPitchHz, double maxPitchHz, double nucleusDipDb,
                           double nucleusRangeDb, double syllablesPerWord, double silenceDbfs) {
    public static final String SPEECH_MIN_PAUSE_MS = "CUEPOINT_SPEECH_MIN_PAUSE_MS";
    public static final String SPEECH_MAX_PAUSE_MS = "CUEPOINT_SPEECH_MAX_PAUSE_MS";
    public static final String SPEECH_MIN_SPEECH_MS = "CUEPOINT_SPEECH_MIN_SPEECH_MS";
    public static final String SPEECH_MIN_NONSPEECH_MS = "CUEPOINT_SPEECH_MIN_NONSPEECH_MS";
    public static final String SPEECH_SNR_DB = "CUEPOINT_SPEECH_SNR_DB";
    public static final String SPEECH_MIN_MODULATION_DB = "CUEPOINT_SPEECH_MIN_MODULATION_DB";
    public static final String SPEECH_MIN_VOICED_SHARE = "CUEPOINT_SPEECH_MIN_VOICED_SHARE";
    public static final String SPEECH_MAX_STABLE_SHARE = "CUEPOINT_SPEECH_MAX_STABLE_SHARE";
    public static final String SPEECH_VOICING_THRESHOLD = "CUEPOINT_SPEECH_VOICING_THRESHOLD";
    public static final String SPEECH_MIN_PITCH_HZ = "CUEPOINT_SPEECH_MIN_PITCH_HZ";
    public static final String SPEECH_MAX_PITCH_HZ = "CUEPOINT_SPEECH_MAX_PITCH_HZ";
    public static final String SPEECH_NUCLEUS_DIP_DB = "CUEPOINT_SPEECH_NUCLEUS_DIP_DB";
    public static final String SPEECH_NUCLEUS_RANGE_DB = "CUEPOINT_SPEECH_NUCLEUS_RANGE_DB";
    public static final String SPEECH_SYLLABLES_PER_WORD = "CUEPOINT_SPEECH_SYLLABLES_PER_WORD";
    public static final String SPEECH_SILENCE_DBFS = "CUEPOINT_SPEECH_SILENCE_DBFS";

    public SpeechConfig {
        if (minPauseMs > maxPauseMs) {
            throw new IllegalArgumentException("min pause " + minPauseMs + " ms exceeds max pause " + maxPauseMs + " ms");
        }
        if (minPitchHz >= maxPitchHz) {
            throw new IllegalArgumentException("min pitch " + minPitchHz + " Hz must be below max pitch " + maxPitchHz);
        }
    }

    public static SpeechConfig defaults() {
        return new SpeechConfig(300, 5000, 200, 1000, 6, 3, 0.15, 0.75, 0.3, 60, 400, 2, 25, 1.5, -55);
    }

    /**
     * The configuration from environment variables (the keys above), each checked against its range.
     *
     * @throws AnalyzerException naming the key of a bad value
     */
    public static SpeechConfig fromEnvironment(Map<String, String> env) {
        var d = SpeechConfig.defaults();
        int minPause = integer(env, SPEECH_MIN_PAUSE_MS, d.minPauseMs(), 0, 60_000);
        int maxPause = integer(env, SPEECH_MAX_PAUSE_MS, d.maxPauseMs(), 0, 600_000);
        if (minPause > maxPause) {
            throw new AnalyzerException(SPEECH_MIN_PAUSE_MS + " (" + minPause + ") must not exceed "
                    + SPEECH_MAX_PAUSE_MS + " (" + maxPause + ")");
        }
        double minPitch = real(env, SPEECH_MIN_PITCH_HZ, d.minPitchHz(), 30, 1000);
        double maxPitch = real(env, SPEECH_MAX_PITCH_HZ, d.maxPitchHz(), 30, 1000);
        if (minPitch >= maxPitch) {
            throw new AnalyzerException(SPEECH_MIN_PITCH_HZ + " (" + minPitch + ") must be below "
                    + SPEECH_MAX_PITCH_HZ + " (" + maxPitch + ")");
        }
        return new SpeechConfig(minPause, maxPause,
                integer(env, SPEECH_MIN_SPEECH_MS, d.minSpeechMs(), 0, 60_000),
                integer(env, SPEECH_MIN_NONSPEECH_MS, d.minNonSpeechMs(), 0, 3_600_000),
                real(env, SPEECH_SNR_DB, d.snrDb(), 0, 60),
                real(env, SPEECH_MIN_MODULATION_DB, d.minModulationDb(), 0, 60),
                real(env, SPEECH_MIN_VOICED_SHARE, d.minVoicedShare(), 0, 1),
                real(env, SPEECH_MAX_STABLE_SHARE, d.maxStableShare(), 0, 1),
                real(env, SPEECH_VOICING_THRESHOLD, d.voicingThreshold(), 0.01, 1),
                minPitch, maxPitch,
                real(env, SPEECH_NUCLEUS_DIP_DB, d.nucleusDipDb(), 0, 60),
                real(env, SPEECH_NUCLEUS_RANGE_DB, d.nucleusRangeDb(), 1, 100),
                real(env, SPEECH_SYLLABLES_PER_WORD, d.syllablesPerWord(), 0.5, 5),
                real(env, SPEECH_SILENCE_DBFS, d.silenceDbfs(), -120, 0));
    }
}
