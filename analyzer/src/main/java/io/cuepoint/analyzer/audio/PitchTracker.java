package io.cuepoint.analyzer.audio;

/**
 * Fundamental frequency of each 10 ms frame by the YIN method (de Cheveigné and Kawahara, 2002): the
 * difference function of the waveform with itself shifted by a lag, normalised by its running mean, dips
 * near zero at the period of a periodic sound. A frame is voiced when the deepest dip within the pitch
 * range stays below the aperiodicity threshold.
 *
 * <p>Voice pitch needs no more than the lowest kilohertz, so the waveform is low-passed at 1 kHz and
 * decimated to 4 kHz first, which makes the search sixteen times cheaper than at 16 kHz; a parabola
 * through the dip restores sub-sample lag precision. Rumble below about 50 Hz is removed first so that
 * low-frequency noise cannot fake a long period.
 */
public final class PitchTracker {
    private static final int PITCH_RATE = 4000;
    private static final int WINDOW_MS = 30;
    private static final int TAPS = 49;
    private static final double MIN_LEVEL_DB = -60;

    private final double minHz;
    private final double maxHz;
    private final double threshold;

    /**
     * @param minHz     lowest pitch searched
     * @param maxHz     highest pitch searched
     * @param threshold normalised-difference dip below which a frame is voiced (0 to 1; YIN's paper uses 0.1
     *                  to 0.2 for clean speech, noisy speech needs more)
     */
    public PitchTracker(double minHz, double maxHz, double threshold) {
        this.minHz = minHz;
        this.maxHz = maxHz;
        this.threshold = threshold;
    }

    /** Per frame: pitch in Hz, 0 when unvoiced. */
    public double[] track(AudioFrames frames) {
        var audio = frames.audio();
        int factor = Math.max(1, audio.sampleRate() / PITCH_RATE);
        int rate = audio.sampleRate() / factor;
        double[] x = decimate(audio.samples(), audio.sampleRate(), factor);
        int window = rate * WINDOW_MS / 1000;
        int tauMin = Math.max(2, (int) Math.floor(rate / maxHz));
        int tauMax = (int) Math.ceil(rate / minHz);
        var pitch = new double[frames.count()];
        var d = new double[tauMax + 2];
        double[] level = frames.levelDb();
        for (int f = 0; f < pitch.length; f++) {
            if (level[f] < MIN_LEVEL_DB) {
                continue;
            }
            int centre = (f * frames.hop() + frames.hop() / 2) / factor;
            int start = centre - (window + tauMax) / 2;
            if (start < 0 || start + window + tauMax + 1 >= x.length) {
                continue;
            }
            pitch[f] = period(x, start, window, tauMin, tauMax, d, rate);
        }
        return pitch;
    }

    private double period(double[] x, int start, int window, int tauMin, int tauMax, double[] d, int rate) {
        d[0] = 1;
        double running = 0;
        for (int tau = 1; tau <= tauMax + 1; tau++) {
            double sum = 0;
            for (int j = start; j < start + window; j++) {
                double diff = x[j] - x[j + tau];
                sum += diff * diff;
            }
            running += sum;
            d[tau] = running <= 0 ? 1 : sum * tau / running;
        }
        int best = -1;
        for (int tau = tauMin; tau <= tauMax; tau++) {
            if (d[tau] < threshold) {
                while (tau + 1 <= tauMax && d[tau + 1] < d[tau]) {
                    tau++;
                }
                best = tau;
                break;
            }
        }
        if (best < 0) {
            return 0;
        }
        double a = d[best - 1];
        double b = d[best];
        double c = d[best + 1];
        double denominator = a - 2 * b + c;
        double shift = denominator > 0 ? 0.5 * (a - c) / denominator : 0;
        double hz = rate / (best + Math.max(-0.5, Math.min(0.5, shift)));
        return hz >= minHz && hz <= maxHz ? hz : 0;
    }

    /** Removes rumble, low-passes at 1 kHz (windowed sinc) and keeps every {@code factor}-th sample. */
    static double[] decimate(float[] samples, int sampleRate, int factor) {
        int n = samples.length;
        var clean = new double[n];
        double previousIn = 0;
        double previousOut = 0;
        double r = Math.exp(-2 * Math.PI * 50.0 / sampleRate);
        for (int i = 0; i < n; i++) {
            previousOut = samples[i] - previousIn + r * previousOut;
            previousIn = samples[i];
            clean[i] = previousOut;
        }
        double cutoff = 1000.0 / sampleRate;
        var taps = new double[TAPS];
        double sum = 0;
        for (int k = 0; k < TAPS; k++) {
            int m = k - TAPS / 2;
            double sinc = m == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * m) / (Math.PI * m);
            taps[k] = sinc * (0.54 - 0.46 * Math.cos(2 * Math.PI * k / (TAPS - 1)));
            sum += taps[k];
        }
        var out = new double[n / factor];
        for (int o = 0; o < out.length; o++) {
            int centre = o * factor;
            double acc = 0;
            for (int k = 0; k < TAPS; k++) {
                int at = centre + k - TAPS / 2;
                if (at >= 0 && at < n) {
                    acc += taps[k] * clean[at];
                }
            }
            out[o] = acc / sum;
        }
        return out;
    }
}
