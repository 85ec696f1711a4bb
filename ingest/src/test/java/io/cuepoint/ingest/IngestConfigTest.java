package io.cuepoint.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        var c = IngestConfig.defaults();
        assertThat(c).isEqualTo(new IngestConfig(30_000, 4.0, 640, 64, 85, 20, 0, 500, true));
        assertThat(c.audioPcm()).isTrue();
        assertThat(IngestConfig.fromEnvironment(Map.of())).isEqualTo(c);
        assertThat(c.describe()).contains("segment=30.0s", "sampleFps=4.00", "decoderThreads=auto");
    }

    @Test
    void environmentOverridesEachKey() {
        var c = IngestConfig.fromEnvironment(Map.of(
                "CUEPOINT_SEGMENT_SECONDS", "12.5", "CUEPOINT_SAMPLE_FPS", "2", "CUEPOINT_ANALYSIS_MAX_SIDE", "512",
                "CUEPOINT_THUMBNAIL_WIDTH", "96", "CUEPOINT_JPEG_QUALITY", "70", "CUEPOINT_AUDIO_WINDOW_MS", "50",
                "CUEPOINT_DECODER_THREADS", "2", "CUEPOINT_AUDIO_PCM", "FALSE", "UNRELATED", "x"));
        assertThat(c).isEqualTo(new IngestConfig(12_500, 2.0, 512, 96, 70, 50, 2, 500, false));
        assertThat(c.describe()).contains("audioPcm=false");
    }

    @Test
    void blankValuesKeepTheDefault() {
        assertThat(IngestConfig.fromEnvironment(Map.of("CUEPOINT_SAMPLE_FPS", " "))).isEqualTo(IngestConfig.defaults());
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("CUEPOINT_SAMPLE_FPS", "fast")))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("CUEPOINT_SAMPLE_FPS")
                .hasMessageContaining("fast");
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("CUEPOINT_JPEG_QUALITY", "101")))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("CUEPOINT_JPEG_QUALITY")
                .hasMessageContaining("101");
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("CUEPOINT_SEGMENT_SECONDS", "0")))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("CUEPOINT_SEGMENT_SECONDS");
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("CUEPOINT_SAMPLE_FPS", "NaN")))
                .hasMessageContaining("CUEPOINT_SAMPLE_FPS");
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("CUEPOINT_DECODER_THREADS", "2.5")))
                .hasMessageContaining("CUEPOINT_DECODER_THREADS").hasMessageContaining("2.5");
        // A typo must not silently switch the waveform off.
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("CUEPOINT_AUDIO_PCM", "ture")))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("CUEPOINT_AUDIO_PCM").hasMessageContaining("ture")
                .hasMessageContaining("true or false");
    }
}
