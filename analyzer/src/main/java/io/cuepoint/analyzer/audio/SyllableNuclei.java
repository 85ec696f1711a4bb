package io.cuepoint.analyzer.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Syllable nuclei after de Jong and Wempe (2009, "Praat script to detect syllable nuclei and measure speech
 * rate automatically", Behavior Research Methods 41(2)): every syllable has one vowel, and a vowel is a
 * local intensity peak that is voiced. A peak counts when it is louder than the speech's loud level (99th
 * percentile) minus a range, when the intensity dips by at least {@code dipDb} before the next peak (so
 * one vowel with a ripple is not two), and when the frame or a neighbour is voiced (which drops fricative
 * and burst peaks). Only peaks inside speech count.
 */
final class SyllableNuclei {
    /** Intensity is smoothed over five frames (50 ms), close to the 64 ms analysis window of the paper. */
    private static final int SMOOTH = 2;

    private SyllableNuclei() {
    }

    /** The frames of the nuclei, ascending. */
    static List<Integer> find(double[] speechDb, double[] pitch, boolean[] speech, SpeechConfig config) {
        int n = speechDb.length;
        var intensity = smooth(speechDb);
        double threshold = loudLevel(intensity, speech) - config.nucleusRangeDb();
        var peaks = new ArrayList<Integer>();
        for (int f = 1; f < n - 1; f++) {
            if (speech[f] && intensity[f] > threshold && intensity[f] >= intensity[f - 1]
                    && intensity[f] > intensity[f + 1]) {
                peaks.add(f);
            }
        }
        var nuclei = new ArrayList<Integer>();
        for (int p = 0; p < peaks.size(); p++) {
            int at = peaks.get(p);
            int next = p + 1 < peaks.size() ? peaks.get(p + 1) : runEnd(speech, at);
            double dip = intensity[at];
            for (int f = at + 1; f < next; f++) {
                dip = Math.min(dip, intensity[f]);
            }
            // A peak at the end of speech is followed by the fall into the pause: always a dip.
            boolean dips = p + 1 >= peaks.size() || intensity[at] - dip >= config.nucleusDipDb();
            if (dips && voiced(pitch, at)) {
                nuclei.add(at);
            }
        }
        return nuclei;
    }

    private static double[] smooth(double[] db) {
        int n = db.length;
        var out = new double[n];
        for (int f = 0; f < n; f++) {
            double power = 0;
            int count = 0;
            for (int k = Math.max(0, f - SMOOTH); k <= Math.min(n - 1, f + SMOOTH); k++) {
                power += Math.pow(10, db[k] / 10);
                count++;
            }
            out[f] = AudioFrames.db(power / count);
        }
        return out;
    }

    private static double loudLevel(double[] intensity, boolean[] speech) {
        var values = new double[intensity.length];
        int count = 0;
        for (int f = 0; f < intensity.length; f++) {
            if (speech[f]) {
                values[count++] = intensity[f];
            }
        }
        if (count == 0) {
            return 0;
        }
        var sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return sorted[Math.min(count - 1, (int) Math.floor(count * 0.99))];
    }

    private static int runEnd(boolean[] speech, int from) {
        int f = from;
        while (f < speech.length && speech[f]) {
            f++;
        }
        return f;
    }

    private static boolean voiced(double[] pitch, int at) {
        for (int f = Math.max(0, at - 2); f <= Math.min(pitch.length - 1, at + 2); f++) {
            if (pitch[f] > 0) {
                return true;
            }
        }
        return false;
    }
}
