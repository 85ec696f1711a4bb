package io.cuepoint.analyzer.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.detect.DetectionContext;
import io.cuepoint.analyzer.detect.SpeechDetector;
import org.junit.jupiter.api.Test;

/**
 * Reports what the speech detector costs per minute of audio on this machine (printed, not asserted: timing
 * depends on the machine). Three minutes of speech and pauses in pink noise in 30 s segments, one warm-up pass.
 */
class SpeechCostTest {

    @Test
    void measuresMillisecondsPerMinuteOfAudio() {
        var speech = SpeechClips.speech(160);
        var parts = new float[12][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = i % 2 == 0 ? speech : SpeechClips.silence(30 - SpeechClips.seconds(speech));
        }
        var clip = SpeechClips.mix(SpeechClips.concat(parts), SpeechClips.noise("pink", 10, 0.2), 20);
        var segments = SpeechClips.segments("cost", clip, 30_000);
        var detector = new SpeechDetector(SpeechConfig.defaults());
        var ctx = new DetectionContext("test");
        int events = 0;
        for (var segment : segments) {
            events += detector.analyze(segment, ctx).events().size();
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (var segment : segments) {
                detector.analyze(segment, ctx);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        double minutes = SpeechClips.seconds(clip) / 60;
        System.out.printf("speech detector: %.0f ms per minute of audio (best of 3 over %.1f min)%n",
                best / 1e6 / minutes, minutes);
        assertThat(events).isGreaterThanOrEqualTo(8);
    }
}
