package io.cuepoint.analyzer.audio;

import java.util.Arrays;

/**
 * Which 10 ms frames are speech. Three cues must agree, each over a second centred on the frame:
 * <ol>
 *   <li>sound: the speech band stands {@code snrDb} above the segment's noise floor (its 10th percentile,
 *       so steady noise of any colour sets its own floor), or at least two of its four bands stand that much
 *       above their own floors (so a loud narrow-band noise, a fan or a hum, cannot hide the formants in the
 *       other bands);</li>
 *   <li>syllabic modulation: the speech-band level, floored at the noise floor, spreads by at least
 *       {@code minModulationDb}: speech rises and falls at the syllable rate (about 4 Hz), steady noise,
 *       hum and held chords do not;</li>
 *   <li>voicing: enough voiced frames ({@link PitchTracker}), and not mostly frames whose pitch holds
 *       still, which is what notes of music do (a voice glides between syllables).</li>
 * </ol>
 * The frame labels are then smoothed: gaps shorter than the minimum pause are bridged and speech shorter
 * than the minimum is dropped.
 */
final class VoiceActivity {
    /** Half of the context window, in frames (0.5 s). */
    static final int HALF = 50;
    private static final double STABLE_SEMITONES = 0.1;

    private VoiceActivity() {
    }

    /** The noise floor of the speech band: its 10th percentile, at least -90 dBFS. */
    static double noiseFloor(double[] speechDb) {
        if (speechDb.length == 0) {
            return AudioFrames.FLOOR_DB;
        }
        var sorted = speechDb.clone();
        Arrays.sort(sorted);
        return Math.max(-90, sorted[sorted.length / 10]);
    }

    /** Per frame whether it is audible above the noise floor, of the whole speech band or of two of its bands. */
    static boolean[] sound(AudioFrames frames, double floor, double snrDb) {
        double[] speechDb = frames.speechDb();
        double[][] bandDb = frames.bandDb();
        int n = speechDb.length;
        var bandFloor = new double[AudioFrames.SPEECH_TO];
        for (int b = AudioFrames.SPEECH_FROM; b < AudioFrames.SPEECH_TO; b++) {
            var levels = new double[n];
            for (int f = 0; f < n; f++) {
                levels[f] = bandDb[f][b];
            }
            bandFloor[b] = noiseFloor(levels);
        }
        var out = new boolean[n];
        for (int f = 0; f < n; f++) {
            int bands = 0;
            for (int b = AudioFrames.SPEECH_FROM; b < AudioFrames.SPEECH_TO; b++) {
                bands += bandDb[f][b] > bandFloor[b] + snrDb ? 1 : 0;
            }
            out[f] = speechDb[f] > floor + snrDb || bands >= 2;
        }
        return out;
    }

    /** Per frame, the standard deviation of the floored speech-band level over the context window. */
    static double[] modulation(double[] speechDb, double floor) {
        int n = speechDb.length;
        var sum = new double[n + 1];
        var squares = new double[n + 1];
        for (int f = 0; f < n; f++) {
            double v = Math.max(floor, speechDb[f]);
            sum[f + 1] = sum[f] + v;
            squares[f + 1] = squares[f] + v * v;
        }
        var out = new double[n];
        for (int f = 0; f < n; f++) {
            int from = Math.max(0, f - HALF);
            int to = Math.min(n, f + HALF + 1);
            int count = to - from;
            double mean = (sum[to] - sum[from]) / count;
            out[f] = Math.sqrt(Math.max(0, (squares[to] - squares[from]) / count - mean * mean));
        }
        return out;
    }

    /** Per frame whether its pitch holds within a tenth of a semitone of the previous frame's. */
    static boolean[] stablePitch(double[] pitch) {
        var out = new boolean[pitch.length];
        for (int f = 1; f < pitch.length; f++) {
            out[f] = pitch[f] > 0 && pitch[f - 1] > 0
                    && Math.abs(Semitones.between(pitch[f - 1], pitch[f])) < STABLE_SEMITONES;
        }
        return out;
    }

    /** Per frame the share of {@code flags} set over the context window among frames where {@code of} is set. */
    static double[] share(boolean[] flags, boolean[] of) {
        int n = flags.length;
        var hits = new int[n + 1];
        var total = new int[n + 1];
        for (int f = 0; f < n; f++) {
            hits[f + 1] = hits[f] + (flags[f] && (of == null || of[f]) ? 1 : 0);
            total[f + 1] = total[f] + (of == null || of[f] ? 1 : 0);
        }
        var out = new double[n];
        for (int f = 0; f < n; f++) {
            int from = Math.max(0, f - HALF);
            int to = Math.min(n, f + HALF + 1);
            int t = total[to] - total[from];
            out[f] = t == 0 ? 0 : (hits[to] - hits[from]) / (double) t;
        }
        return out;
    }

    /**
     * The speech label of each frame, smoothed. A short gap at an open end (the audio goes on in a
     * neighbouring segment) is bridged too: it is far more likely a gap within speech that goes on than a pause.
     */
    static boolean[] speech(AudioFrames frames, double[] pitch, boolean[] sound, double floor, SpeechConfig config,
                            boolean openStart, boolean openEnd) {
        double[] speechDb = frames.speechDb();
        int n = speechDb.length;
        var modulation = modulation(speechDb, floor);
        var voiced = new boolean[n];
        for (int f = 0; f < n; f++) {
            voiced[f] = pitch[f] > 0;
        }
        var voicedShare = share(voiced, null);
        var stableShare = share(stablePitch(pitch), voiced);
        var speech = new boolean[n];
        for (int f = 0; f < n; f++) {
            speech[f] = sound[f] && modulation[f] >= config.minModulationDb()
                    && voicedShare[f] >= config.minVoicedShare() && stableShare[f] <= config.maxStableShare();
        }
        int minPause = config.minPauseMs() / AudioFrames.HOP_MS;
        bridge(speech, minPause, true);
        bridgeEdges(speech, minPause, openStart, openEnd);
        bridge(speech, config.minSpeechMs() / AudioFrames.HOP_MS, false);
        return speech;
    }

    private static void bridgeEdges(boolean[] labels, int frames, boolean start, boolean end) {
        int n = labels.length;
        int head = 0;
        while (head < n && !labels[head]) {
            head++;
        }
        if (start && head < n && head < frames) {
            Arrays.fill(labels, 0, head, true);
        }
        int tail = n;
        while (tail > 0 && !labels[tail - 1]) {
            tail--;
        }
        if (end && tail > 0 && n - tail < frames) {
            Arrays.fill(labels, tail, n, true);
        }
    }

    /**
     * Flips runs of {@code !value} shorter than {@code frames} that lie between two runs of {@code value}
     * (bridging gaps); with {@code value} false it removes short runs of true anywhere.
     */
    static void bridge(boolean[] labels, int frames, boolean value) {
        int n = labels.length;
        int f = 0;
        while (f < n) {
            if (labels[f] == value) {
                f++;
                continue;
            }
            int to = f;
            while (to < n && labels[to] != value) {
                to++;
            }
            boolean inside = f > 0 && to < n;
            if (to - f < frames && (inside || !value)) {
                Arrays.fill(labels, f, to, value);
            }
            f = to;
        }
    }
}
