package io.cuepoint.api.eval;

import java.util.Random;

/**
 * The sound of the technical clips, one video frame's worth at a time: speech-like voiced bursts over
 * room noise, a steady tone, or broadband noise, and silences (digital zero, or noise 75 dB below full
 * scale). Pauses between syllables stay short and above the silence threshold, so that only the planned
 * silences are silent.
 */
final class AudioSynth {
    enum Sound { VOICE, TONE, NOISE, SILENCE }

    private final Random random;
    private double phase;
    private double pitch = 150;
    private int syllableLeft;
    private int syllableLength;
    private int gapLeft;

    AudioSynth(Random random) {
        this.random = random;
    }

    /** The next {@link ClipWriter#SAMPLES_PER_FRAME} samples of {@code sound}. */
    short[] next(Sound sound, boolean digitalSilence) {
        short[] s = new short[ClipWriter.SAMPLES_PER_FRAME];
        for (int i = 0; i < s.length; i++) {
            double v = switch (sound) {
                case VOICE -> voice();
                case TONE -> 0.1 * Math.sin(phase += 2 * Math.PI * 440 / ClipWriter.SAMPLE_RATE) + noise(0.008);
                case NOISE -> noise(0.03);
                case SILENCE -> digitalSilence ? 0 : noise(0.00018);
            };
            s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(v * 32767)));
        }
        return s;
    }

    /** Gaussian noise with RMS {@code level} (of full scale). */
    private double noise(double level) {
        return random.nextGaussian() * level;
    }

    private double voice() {
        // Room noise near -40 dBFS: pauses in speech are quiet, not silent.
        double v = noise(0.01);
        if (syllableLeft == 0 && gapLeft == 0) {
            syllableLength = (int) (ClipWriter.SAMPLE_RATE * (0.12 + 0.25 * random.nextDouble()));
            syllableLeft = syllableLength;
            pitch = 110 + 110 * random.nextDouble();
        }
        if (syllableLeft > 0) {
            double t = 1 - syllableLeft / (double) syllableLength;
            double envelope = Math.sin(Math.PI * t);
            phase += 2 * Math.PI * pitch * (1 + 0.05 * Math.sin(t * Math.PI)) / ClipWriter.SAMPLE_RATE;
            double h = 0;
            for (int k = 1; k <= 8; k++) {
                h += Math.sin(phase * k) / k;
            }
            v += 0.12 * envelope * h;
            if (--syllableLeft == 0) {
                gapLeft = (int) (ClipWriter.SAMPLE_RATE * (0.03 + 0.25 * random.nextDouble()));
            }
        } else {
            gapLeft--;
        }
        return v;
    }
}
