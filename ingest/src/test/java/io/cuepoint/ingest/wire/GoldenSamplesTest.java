package io.cuepoint.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The golden samples under {@code golden/} are the wire contract, read by the analyzer's and the api's
 * tests too: writing each sample record must give exactly that JSON, and reading the JSON must give the
 * record back.
 */
class GoldenSamplesTest {
    static final JobRequest JOB = new JobRequest(1, "vid-0001", "/data/media/vid-0001/lecture.mp4",
            Instant.parse("2026-11-25T10:15:30Z"));
    static final FrameRecord FRAME = new FrameRecord(1, "vid-0001", 2, 1501, 60_040, false, 2, 1,
            new byte[]{0, 0, (byte) 255, (byte) 255, 0, 0}, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9},
            4, 3);
    /** Four PCM samples, little-endian: silence, half scale, negative and positive full scale. */
    static final AudioRecord AUDIO = new AudioRecord(1, "vid-0001", 2, 60_000, 20, 48_000,
            new float[]{-23.5f, -120f, -18.25f}, new float[]{-6f, -120f, -3.5f}, AudioRecord.PCM_RATE,
            new byte[]{0, 0, 0, 0x40, 0, (byte) 0x80, (byte) 0xFF, 0x7F});
    /** The same windows as a producer from before the waveform wrote them. */
    static final AudioRecord AUDIO_LOUDNESS_ONLY = new AudioRecord(1, "vid-0001", 2, 60_000, 20, 48_000,
            new float[]{-23.5f, -120f, -18.25f}, new float[]{-6f, -120f, -3.5f});
    static final SegmentEnd END = new SegmentEnd(1, "vid-0001", 2, 60_000, 90_000, 750, 120, false);
    static final DecodeProgress PROGRESS = new DecodeProgress(1, "vid-0001", DecodeProgress.State.COMPLETED, 1.0,
            new MediaInfo(100_080, 29.97, 1280, 720, 1280, 720, 0, 1.0, "mov,mp4,m4a,3gp,3g2,mj2", "h264", "aac",
                    48_000, 2, true, 52_428_800),
            30_000, 4, 3002, 0, null, Instant.parse("2026-11-25T10:17:02.500Z"));

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = GoldenSamplesTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden/%s on the test class path", name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static void assertWritesAs(Object record, String name) throws IOException {
        var mapper = WireJson.mapper();
        assertThat(mapper.readTree(WireJson.write(record))).isEqualTo(mapper.readTree(golden(name)));
    }

    @Test
    void jobRequest() throws IOException {
        assertWritesAs(JOB, "job-request.json");
        assertThat(WireJson.read(golden("job-request.json"), JobRequest.class)).isEqualTo(JOB);
    }

    @Test
    void frame() throws IOException {
        assertWritesAs(FRAME, "frame.json");
        var read = WireJson.read(golden("frame.json"), SegmentRecord.class);
        assertThat(read).isInstanceOf(FrameRecord.class).usingRecursiveComparison().isEqualTo(FRAME);
        // The hand-written base64 is the sample's bytes: BGR red then blue.
        assertThat(Base64.getDecoder().decode("AAD//wAA")).containsExactly(0, 0, 255, 255, 0, 0);
        assertThat(((FrameRecord) read).key()).isEqualTo("vid-0001/2");
    }

    @Test
    void audio() throws IOException {
        assertWritesAs(AUDIO, "audio.json");
        assertThat(WireJson.read(golden("audio.json"), SegmentRecord.class))
                .isInstanceOf(AudioRecord.class).usingRecursiveComparison().isEqualTo(AUDIO);
        // The hand-written base64 is the sample's bytes.
        assertThat(Base64.getDecoder().decode("AAAAQACA/38=")).containsExactly(AUDIO.pcm());
    }

    @Test
    void audioWithoutWaveformStillReadsAndLeavesBothFieldsOut() throws IOException {
        assertWritesAs(AUDIO_LOUDNESS_ONLY, "audio-loudness-only.json");
        var read = (AudioRecord) WireJson.read(golden("audio-loudness-only.json"), SegmentRecord.class);
        assertThat(read).usingRecursiveComparison().isEqualTo(AUDIO_LOUDNESS_ONLY);
        assertThat(read.pcm()).isNull();
        assertThat(read.pcmRate()).isZero();
        assertThat(WireJson.mapper().readTree(WireJson.write(read)).has("pcmRate")).isFalse();
    }

    @Test
    void segmentEnd() throws IOException {
        assertWritesAs(END, "segment-end.json");
        assertThat(WireJson.read(golden("segment-end.json"), SegmentRecord.class)).isEqualTo(END);
    }

    @Test
    void decodeProgress() throws IOException {
        assertWritesAs(PROGRESS, "decode-progress.json");
        assertThat(ProgressRecord.kindOf(golden("decode-progress.json"))).isEqualTo(DecodeProgress.KIND);
        assertThat(WireJson.read(golden("decode-progress.json"), DecodeProgress.class)).isEqualTo(PROGRESS);
    }
}
