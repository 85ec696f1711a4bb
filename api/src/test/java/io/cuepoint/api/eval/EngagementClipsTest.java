package io.cuepoint.api.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;

/**
 * The engagement clips decode to what they promise: a minute of 640x360 video with a voice track whose loud
 * stretches cover most of the minute, faster speech filling the same minute, and the presenter corner present or
 * absent as asked.
 */
class EngagementClipsTest {
    private static final Path DIR = Path.of("target", "engagement-clips-test");

    @Test
    void aClipIsAMinuteOfPictureAndSpeech() throws Exception {
        var spec = EngagementClips.Spec.baseline().withPresenterUntilMs(30_000);
        Path clip = EngagementClips.write(DIR.resolve("baseline.mp4"), spec);
        try (var grabber = new FFmpegFrameGrabber(clip.toFile())) {
            grabber.start();
            assertThat(grabber.getImageWidth()).isEqualTo(EngagementClips.WIDTH);
            assertThat(grabber.getAudioChannels()).isEqualTo(1);
            assertThat(grabber.getLengthInTime() / 1000).isBetween(59_000L, 61_500L);
            int voicedSeconds = 0;
            long second = -1;
            boolean loud = false;
            Frame f;
            while ((f = grabber.grabSamples()) != null) {
                long s = f.timestamp / 1_000_000;
                if (s != second) {
                    voicedSeconds += loud ? 1 : 0;
                    loud = false;
                    second = s;
                }
                loud |= peak(f) > 3000;
            }
            voicedSeconds += loud ? 1 : 0;
            assertThat(voicedSeconds).as("seconds with speech").isGreaterThan(45);
            grabber.stop();
        }
    }

    @Test
    void fasterSpeechFillsTheSameMinuteWithMoreSyllables() throws Exception {
        short[] slow = EngagementClips.voice(DIR.resolve("slow"), 120);
        short[] fast = EngagementClips.voice(DIR.resolve("fast"), 220);
        assertThat(fast).hasSameSizeAs(slow);
        // Both fill the minute: sound in the last five seconds.
        assertThat(peak(slow, slow.length - 5 * ClipWriter.SAMPLE_RATE)).isGreaterThan(3000);
        assertThat(peak(fast, fast.length - 5 * ClipWriter.SAMPLE_RATE)).isGreaterThan(3000);
        // Syllables show as bursts of loudness: the faster voice has clearly more of them in the minute.
        assertThat((double) bursts(fast)).isGreaterThan(1.4 * bursts(slow));
    }

    /** Rises of the 20 ms loudness envelope through a third of its maximum. */
    private static int bursts(short[] samples) {
        int frame = ClipWriter.SAMPLE_RATE / 50;
        double[] rms = new double[samples.length / frame];
        double max = 0;
        for (int k = 0; k < rms.length; k++) {
            double sum = 0;
            for (int i = k * frame; i < (k + 1) * frame; i++) {
                sum += samples[i] * (double) samples[i];
            }
            rms[k] = Math.sqrt(sum / frame);
            max = Math.max(max, rms[k]);
        }
        int bursts = 0;
        for (int k = 1; k < rms.length; k++) {
            bursts += rms[k - 1] < max / 3 && rms[k] >= max / 3 ? 1 : 0;
        }
        return bursts;
    }

    private static int peak(Frame f) {
        if (f.samples == null || !(f.samples[0] instanceof ShortBuffer buffer)) {
            return 0;
        }
        int peak = 0;
        for (int i = buffer.position(); i < buffer.limit(); i++) {
            peak = Math.max(peak, Math.abs(buffer.get(i)));
        }
        return peak;
    }

    private static int peak(short[] samples, int from) {
        int peak = 0;
        for (int i = from; i < samples.length; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }
}
