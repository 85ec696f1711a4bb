package io.cuepoint.ingest.decode;

import java.util.Arrays;

/**
 * Converts a mono stream from any sample rate to another with a Kaiser-windowed sinc interpolator, so
 * speech analysis gets one rate (16 kHz) whatever the codec delivered. The filter band-limits to the lower
 * of the two rates first: flat to 40 % of that rate, at least 60 dB down from its Nyquist frequency on, so
 * downsampling 48 kHz folds no 9 kHz whistle into 7 kHz, and upsampling 8 kHz leaves no images above 4 kHz.
 *
 * <p>Both sides live on absolute grids counted from media time zero: input sample {@code i} is at
 * {@code i / inputRate} seconds, output sample {@code m} at {@code m / outputRate}. Callers so cut the output
 * at any time boundary without rounding drift, and input before the first sample counts as silence.
 * Coefficients come from a table with one row per filter phase: exact for rates whose ratio needs at most
 * {@value #MAX_PHASES} phases (all common ones: 8, 11.025, 22.05, 44.1, 48 kHz), the nearest phase for
 * odd rates (timing error under 1/8192 of an input sample, below 16-bit noise). About 100 multiply-adds per
 * output sample from 48 kHz; not thread-safe.
 */
public final class AudioResampler {
    /** Pass band edge, as a share of the lower rate: speech ends well below. */
    static final double PASS = 0.40;
    /** Stop band edge: the lower rate's Nyquist frequency. */
    static final double STOP = 0.50;
    /** Stop band attenuation the Kaiser window is designed for. */
    static final double ATTENUATION_DB = 60;
    static final int MAX_PHASES = 4096;

    private final long up;
    private final long down;
    private final int phases;
    private final int half;
    private final int taps;
    private final float[] table;

    private float[] input = new float[8192];
    private long inputBase;
    private int inputLength;
    private long nextOutput;
    private short[] output = new short[4096];
    private long outputBase;
    private int outputLength;

    /**
     * @param firstInput  absolute index of the first input sample that {@link #accept} will get
     * @param firstOutput absolute index of the first output sample wanted
     */
    public AudioResampler(int inputRate, int outputRate, long firstInput, long firstOutput) {
        if (inputRate <= 0 || outputRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + inputRate + " -> " + outputRate);
        }
        long gcd = gcd(inputRate, outputRate);
        up = outputRate / gcd;
        down = inputRate / gcd;
        phases = (int) Math.min(up, MAX_PHASES);
        double lower = Math.min(inputRate, outputRate);
        double cutoff = (PASS + STOP) / 2 * lower / inputRate;          // cycles per input sample
        double transition = (STOP - PASS) * lower / inputRate;           // cycles per input sample
        // Kaiser's estimate of the length for this attenuation and transition width, halved.
        double halfWidth = (ATTENUATION_DB - 7.95) / (2.285 * 2 * Math.PI * transition) / 2;
        half = (int) Math.ceil(halfWidth);
        taps = 2 * half;
        table = design(cutoff, halfWidth, kaiserBeta(ATTENUATION_DB));
        nextOutput = firstOutput;
        outputBase = firstOutput;
        // Silence before the first sample: the first outputs' filters reach back into it.
        inputBase = Math.min(firstInput, position(firstOutput) - half + 1);
        inputLength = (int) (firstInput - inputBase);
        ensureInput(inputLength);
    }

    /** Input samples the filter reaches on either side of an output: the stream's latency. */
    public int latency() {
        return half;
    }

    /** Appends the next {@code length} input samples and computes every output they complete. */
    public void accept(float[] samples, int offset, int length) {
        ensureInput(inputLength + length);
        System.arraycopy(samples, offset, input, inputLength, length);
        inputLength += length;
        produce();
    }

    /** Computes the outputs up to {@code end} (exclusive), taking input past what was given as silence. */
    public void flush(long end) {
        if (end <= nextOutput) {
            return;
        }
        // One more than the filter needs: a rounded phase may move an output to the next input sample.
        long needed = position(end - 1) + half + 2 - inputBase;
        if (needed > inputLength) {
            ensureInput((int) needed);
            Arrays.fill(input, inputLength, (int) needed, 0f);
            inputLength = (int) needed;
        }
        produce();
    }

    /** Absolute index just past the last output computed. */
    public long produced() {
        return outputBase + outputLength;
    }

    /**
     * Hands out the outputs {@code from} (inclusive) to {@code to} and forgets everything before {@code to}.
     *
     * @throws IllegalStateException when part of that range is not computed yet or was already taken
     */
    public short[] take(long from, long to) {
        if (from < outputBase || to > produced() || to < from) {
            throw new IllegalStateException("outputs " + from + ".." + to + " not available (have " + outputBase
                    + ".." + produced() + ")");
        }
        short[] out = Arrays.copyOfRange(output, (int) (from - outputBase), (int) (to - outputBase));
        int drop = (int) (to - outputBase);
        System.arraycopy(output, drop, output, 0, outputLength - drop);
        outputLength -= drop;
        outputBase = to;
        return out;
    }

    private void produce() {
        long inputEnd = inputBase + inputLength;
        while (true) {
            long num = nextOutput * down;
            long base = Math.floorDiv(num, up);
            long rem = num - base * up;
            int phase;
            if (phases == up) {
                phase = (int) rem;
            } else {
                phase = (int) ((rem * phases * 2 + up) / (2 * up));
                if (phase == phases) {
                    base++;
                    phase = 0;
                }
            }
            if (base + half >= inputEnd) {
                break;
            }
            appendOutput(toShort(dot(input, (int) (base - half + 1 - inputBase), table, phase * taps, taps)));
            nextOutput++;
        }
        discardInputBefore(position(nextOutput) - half + 1);
    }

    /** Four sums in flight: the JIT keeps float additions in order, so one sum would wait on each add. */
    private static float dot(float[] x, int xFrom, float[] c, int cFrom, int n) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        int t = 0;
        for (; t + 3 < n; t += 4) {
            a0 += x[xFrom + t] * c[cFrom + t];
            a1 += x[xFrom + t + 1] * c[cFrom + t + 1];
            a2 += x[xFrom + t + 2] * c[cFrom + t + 2];
            a3 += x[xFrom + t + 3] * c[cFrom + t + 3];
        }
        for (; t < n; t++) {
            a0 += x[xFrom + t] * c[cFrom + t];
        }
        return (a0 + a1) + (a2 + a3);
    }

    /** The input sample at or before output {@code m}'s time. */
    private long position(long m) {
        return Math.floorDiv(m * down, up);
    }

    private void discardInputBefore(long absolute) {
        int drop = (int) Math.min(inputLength, Math.max(0, absolute - inputBase));
        // Shifting costs a copy of what is kept, which is about one filter length: cheap, and keeps indices simple.
        if (drop > 0 && drop >= input.length / 2) {
            System.arraycopy(input, drop, input, 0, inputLength - drop);
            inputLength -= drop;
            inputBase += drop;
        }
    }

    private void ensureInput(int capacity) {
        if (capacity > input.length) {
            input = Arrays.copyOf(input, Math.max(capacity, input.length * 2));
        }
    }

    private void appendOutput(short s) {
        if (outputLength == output.length) {
            output = Arrays.copyOf(output, output.length * 2);
        }
        output[outputLength++] = s;
    }

    private static short toShort(float v) {
        int s = Math.round(v * 32768f);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, s));
    }

    /**
     * One row of {@code taps} coefficients per phase: row {@code q} weighs the inputs around a point
     * {@code q / phases} of an input sample past the last input at or before it. Each row sums to one, so
     * a constant passes at exactly its level whatever the phase.
     */
    private float[] design(double cutoff, double halfWidth, double beta) {
        float[] t = new float[phases * taps];
        double i0Beta = besselI0(beta);
        for (int q = 0; q < phases; q++) {
            double frac = (double) q / phases;
            double sum = 0;
            double[] row = new double[taps];
            for (int k = 0; k < taps; k++) {
                double tau = frac + half - 1 - k;
                double x = tau / halfWidth;
                double window = Math.abs(x) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - x * x)) / i0Beta;
                double arg = 2 * cutoff * tau;
                double sinc = arg == 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
                row[k] = 2 * cutoff * sinc * window;
                sum += row[k];
            }
            for (int k = 0; k < taps; k++) {
                t[q * taps + k] = (float) (row[k] / sum);
            }
        }
        return t;
    }

    static double kaiserBeta(double attenuationDb) {
        if (attenuationDb > 50) {
            return 0.1102 * (attenuationDb - 8.7);
        }
        if (attenuationDb >= 21) {
            return 0.5842 * Math.pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21);
        }
        return 0;
    }

    /** The modified Bessel function of the first kind, order zero, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 200; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
