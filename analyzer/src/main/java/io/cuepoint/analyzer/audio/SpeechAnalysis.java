package io.cuepoint.analyzer.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The speech cues of one waveform: frames and their features ({@link AudioFrames}), pitch
 * ({@link PitchTracker}), which frames are speech ({@link VoiceActivity}) and the syllable nuclei
 * ({@link SyllableNuclei}); and the measures of any stretch of it. Plain Java, about 1 % of real time on one
 * core (0.4 to 0.6 s per minute of audio on a busy 2-core machine), spent mostly on the spectra and the pitch
 * search.
 */
public final class SpeechAnalysis {
    /** Kinds of non-speech sound. */
    public static final String SILENCE = "silence";
    public static final String NOISE = "noise";
    public static final String MUSIC = "music";
    /** Pitch further than an octave from a stretch's median is an octave error of the tracker, not the voice. */
    private static final double OCTAVE_ERROR_ST = 10;

    private final SpeechConfig config;
    private final AudioFrames frames;
    private final double[] pitch;
    private final boolean[] speech;
    private final boolean[] sound;
    private final List<Integer> nuclei;
    private final boolean[] stablePitch;

    private SpeechAnalysis(SpeechConfig config, AudioFrames frames, double[] pitch, boolean[] speech, boolean[] sound,
                           List<Integer> nuclei) {
        this.config = config;
        this.frames = frames;
        this.pitch = pitch;
        this.speech = speech;
        this.sound = sound;
        this.nuclei = nuclei;
        this.stablePitch = VoiceActivity.stablePitch(pitch);
    }

    /**
     * Analyses a waveform.
     *
     * @param openStart whether the audio goes on before it (an earlier segment), so that a short gap at its start
     *                  is taken as part of speech
     * @param openEnd   whether the audio goes on after it
     */
    public static SpeechAnalysis of(AudioSamples audio, SpeechConfig config, boolean openStart, boolean openEnd) {
        var frames = AudioFrames.of(audio);
        var pitch = new PitchTracker(config.minPitchHz(), config.maxPitchHz(), config.voicingThreshold()).track(frames);
        double floor = VoiceActivity.noiseFloor(frames.speechDb());
        var sound = VoiceActivity.sound(frames, floor, config.snrDb());
        var speech = VoiceActivity.speech(frames, pitch, sound, floor, config, openStart, openEnd);
        var nuclei = SyllableNuclei.find(frames.speechDb(), pitch, speech, config);
        return new SpeechAnalysis(config, frames, pitch, speech, sound, List.copyOf(nuclei));
    }

    public AudioFrames frames() {
        return frames;
    }

    /** Pitch per frame in Hz, 0 when unvoiced. */
    public double[] pitch() {
        return pitch;
    }

    /** Whether each frame is speech, pauses shorter than the minimum bridged. */
    public boolean[] speech() {
        return speech;
    }

    /** Frames of the syllable nuclei, all inside speech. */
    public List<Integer> nuclei() {
        return nuclei;
    }

    /** Alternating runs of speech and non-speech frames covering every frame. */
    public List<Run> runs() {
        var runs = new ArrayList<Run>();
        int from = 0;
        for (int f = 1; f <= speech.length; f++) {
            if (f == speech.length || speech[f] != speech[from]) {
                runs.add(new Run(from, f, speech[from]));
                from = f;
            }
        }
        return runs;
    }

    /** The measures of frames {@code [from, to)}. */
    public SpeechMeasures measure(int from, int to) {
        int syllables = 0;
        for (int nucleus : nuclei) {
            syllables += nucleus >= from && nucleus < to ? 1 : 0;
        }
        double minutes = (to - from) * AudioFrames.HOP_MS / 60_000.0;
        double wpm = minutes <= 0 ? 0 : syllables / minutes / config.syllablesPerWord();
        double[] level = frames.levelDb();
        double power = 0;
        var levels = new ArrayList<Double>();
        for (int f = from; f < to; f++) {
            if (sound[f]) {
                power += Math.pow(10, level[f] / 10);
                levels.add(level[f]);
            }
        }
        double loudness = levels.isEmpty() ? AudioFrames.FLOOR_DB : AudioFrames.db(power / levels.size());
        var voiced = Arrays.stream(pitch, from, to).filter(p -> p > 0).sorted().toArray();
        double pitchMean = 0;
        double pitchSt = 0;
        if (voiced.length > 0) {
            double median = voiced[voiced.length / 2];
            var semitones = Arrays.stream(voiced).map(p -> Semitones.between(median, p))
                    .filter(st -> Math.abs(st) <= OCTAVE_ERROR_ST).toArray();
            pitchSt = std(semitones);
            pitchMean = Arrays.stream(voiced).filter(p -> Math.abs(Semitones.between(median, p)) <= OCTAVE_ERROR_ST)
                    .average().orElse(0);
        }
        double energySt = std(levels.stream().mapToDouble(Double::doubleValue).toArray());
        return new SpeechMeasures(syllables, wpm, loudness, pitchMean, pitchSt, energySt);
    }

    /** What a non-speech stretch {@code [from, to)} holds: silence, noise or music. */
    public String kind(int from, int to) {
        double power = 0;
        int voiced = 0;
        int stable = 0;
        for (int f = from; f < to; f++) {
            power += Math.pow(10, frames.levelDb()[f] / 10);
            if (pitch[f] > 0) {
                voiced++;
                stable += stablePitch[f] ? 1 : 0;
            }
        }
        if (to <= from || AudioFrames.db(power / (to - from)) < config.silenceDbfs()) {
            return SILENCE;
        }
        boolean tonal = voiced >= 0.3 * (to - from) && stable >= 0.5 * voiced;
        return tonal ? MUSIC : NOISE;
    }

    /** Media time where frame {@code frame} starts; {@code count()} gives the end of the audio analysed. */
    public long msAt(int frame) {
        return frames.msAt(frame);
    }

    private static double std(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(values).average().orElse(0);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }

    /**
     * A run of frames {@code [from, to)} that are all speech or all not.
     */
    public record Run(int from, int to, boolean speech) {
    }
}
