package io.cuepoint.analyzer.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.audio.AudioSamples;
import io.cuepoint.ingest.wire.AudioRecord;
import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.SegmentEnd;
import io.cuepoint.ingest.wire.SegmentRecord;
import io.cuepoint.ingest.wire.WireJson;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The consuming side of ingest's golden samples ({@code golden/frame.json}, {@code audio.json},
 * {@code audio-loudness-only.json}, {@code segment-end.json} in the ingest test-jar): the analyzer parses them as the sealed
 * {@link SegmentRecord} it reads from the frames topic, and finds what its detectors rely on.
 */
class IngestGoldenSamplesTest {

    @Test
    void frameSample() throws IOException {
        var record = WireJson.read(bytes("frame.json"), SegmentRecord.class);
        assertThat(record).isInstanceOf(FrameRecord.class);
        var frame = (FrameRecord) record;
        assertThat(frame.key()).isEqualTo("vid-0001/2");
        assertThat(frame.frame()).isEqualTo(1501);
        assertThat(frame.ptsMs()).isEqualTo(60040);
        assertThat(frame.leadIn()).isFalse();
        // Packed BGR, 3 bytes a pixel: a red pixel, then a blue one.
        assertThat(frame.thumbnail()).hasSize(frame.thumbWidth() * frame.thumbHeight() * 3)
                .containsExactly(0, 0, 0xff, 0xff, 0, 0);
        assertThat(frame.sampled()).isTrue();
        assertThat(frame.analysisJpeg()).startsWith(0xff, 0xd8);
        assertThat(frame.analysisWidth()).isEqualTo(4);
        assertThat(frame.analysisHeight()).isEqualTo(3);
    }

    @Test
    void audioSample() throws IOException {
        var record = WireJson.read(bytes("audio.json"), SegmentRecord.class);
        assertThat(record).isInstanceOf(AudioRecord.class);
        var audio = (AudioRecord) record;
        assertThat(audio.key()).isEqualTo("vid-0001/2");
        assertThat(audio.windowMs()).isEqualTo(20);
        assertThat(audio.rmsDbfs()).containsExactly(-23.5f, -120f, -18.25f);
        assertThat(audio.peakDbfs()).hasSameSizeAs(audio.rmsDbfs());
        // The waveform: 16 kHz mono, four samples from the record's start.
        var samples = AudioSamples.of(audio).orElseThrow();
        assertThat(samples.sampleRate()).isEqualTo(16_000);
        assertThat(samples.startMs()).isEqualTo(60_000);
        assertThat(samples.samples()).containsExactly(0f, 0.5f, -1f, 32767 / 32768f);
    }

    @Test
    void audioSampleFromBeforeTheWaveformHasNone() throws IOException {
        var record = WireJson.read(bytes("audio-loudness-only.json"), SegmentRecord.class);
        assertThat(record).isInstanceOf(AudioRecord.class);
        var audio = (AudioRecord) record;
        assertThat(audio.rmsDbfs()).containsExactly(-23.5f, -120f, -18.25f);
        assertThat(audio.pcm()).isNull();
        assertThat(audio.pcmRate()).isZero();
        assertThat(AudioSamples.of(audio)).isEmpty();
    }

    @Test
    void segmentEndSample() throws IOException {
        var record = WireJson.read(bytes("segment-end.json"), SegmentRecord.class);
        assertThat(record).isEqualTo(new SegmentEnd(1, "vid-0001", 2, 60000, 90000, 750, 120, false));
    }

    private static byte[] bytes(String name) throws IOException {
        try (var in = IngestGoldenSamplesTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("ingest golden sample golden/%s from the cuepoint-ingest test-jar", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
