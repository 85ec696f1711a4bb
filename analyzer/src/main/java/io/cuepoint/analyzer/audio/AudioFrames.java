package io.cuepoint.analyzer.audio;

/**
 * The waveform cut into 10 ms frames with the features every later step reads: the frame's level, its
 * power in a few frequency bands and in the speech band (300 to 4000 Hz, where formants and most of a
 * voice's energy lie, so low rumble and hiss count less).
 *
 * <p>Frame {@code i} covers samples {@code [i * hop, (i + 1) * hop)}; its spectrum is taken over a 32 ms
 * Hann window centred on it, long enough to resolve the bands, short enough to follow syllables.
 */
public final class AudioFrames {
    /** Frame hop in milliseconds. */
    public static final int HOP_MS = 10;
    /** Lowest level reported, in dB; digital silence would otherwise be minus infinity. */
    public static final double FLOOR_DB = -100;
    /** Band edges in Hz; bands 1 to 4 make the speech band. */
    static final int[] BAND_EDGES = {60, 300, 600, 1200, 2400, 4000, 8000};
    /** First band of the speech band. */
    static final int SPEECH_FROM = 1;
    /** Band just past the speech band. */
    static final int SPEECH_TO = 5;

    private final AudioSamples audio;
    private final int hop;
    private final double[] levelDb;
    private final double[] speechDb;
    private final double[][] bandDb;

    private AudioFrames(AudioSamples audio, int hop, double[] levelDb, double[] speechDb, double[][] bandDb) {
        this.audio = audio;
        this.hop = hop;
        this.levelDb = levelDb;
        this.speechDb = speechDb;
        this.bandDb = bandDb;
    }

    /** Frames the whole waveform; a last partial frame is dropped. */
    public static AudioFrames of(AudioSamples audio) {
        int rate = audio.sampleRate();
        int hop = rate * HOP_MS / 1000;
        float[] x = audio.samples();
        int n = x.length / hop;
        int window = Integer.highestOneBit(rate * 32 / 1000);
        var fft = new Fft(window);
        var hann = new double[window];
        double hannPower = 0;
        for (int i = 0; i < window; i++) {
            hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / window);
            hannPower += hann[i] * hann[i];
        }
        int bands = BAND_EDGES.length - 1;
        var bins = new int[BAND_EDGES.length];
        for (int b = 0; b < bins.length; b++) {
            bins[b] = Math.min(window / 2, Math.round((float) BAND_EDGES[b] * window / rate));
        }
        var levelDb = new double[n];
        var speechDb = new double[n];
        var bandDb = new double[n][bands];
        var re = new double[window];
        var im = new double[window];
        for (int f = 0; f < n; f++) {
            double power = 0;
            for (int i = f * hop; i < (f + 1) * hop; i++) {
                power += (double) x[i] * x[i];
            }
            levelDb[f] = db(power / hop);
            int from = f * hop + hop / 2 - window / 2;
            for (int i = 0; i < window; i++) {
                int at = from + i;
                re[i] = at >= 0 && at < x.length ? x[at] * hann[i] : 0;
                im[i] = 0;
            }
            fft.transform(re, im);
            double speech = 0;
            for (int b = 0; b < bands; b++) {
                double sum = 0;
                for (int k = bins[b]; k < bins[b + 1]; k++) {
                    sum += re[k] * re[k] + im[k] * im[k];
                }
                // Scaled so that a band's power reads like a mean-square level, comparable with levelDb.
                sum *= 2 / (hannPower * window);
                bandDb[f][b] = db(sum);
                if (b >= SPEECH_FROM && b < SPEECH_TO) {
                    speech += sum;
                }
            }
            speechDb[f] = db(speech);
        }
        return new AudioFrames(audio, hop, levelDb, speechDb, bandDb);
    }

    static double db(double power) {
        return Math.max(FLOOR_DB, 10 * Math.log10(power + 1e-20));
    }

    public AudioSamples audio() {
        return audio;
    }

    public int count() {
        return levelDb.length;
    }

    /** Samples per frame. */
    public int hop() {
        return hop;
    }

    /** Mean-square level of each frame in dBFS. */
    public double[] levelDb() {
        return levelDb;
    }

    /** Level of each frame's speech band (300 to 4000 Hz) in dBFS. */
    public double[] speechDb() {
        return speechDb;
    }

    /** Level of each frame in each band of {@link #BAND_EDGES}, in dBFS. */
    double[][] bandDb() {
        return bandDb;
    }

    /** Media time where frame {@code i} starts. */
    public long msAt(int frame) {
        return audio.msAt(frame * hop);
    }
}
