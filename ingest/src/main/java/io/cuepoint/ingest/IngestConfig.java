package io.cuepoint.ingest;

import java.util.Map;
import java.util.function.Function;

/**
 * The validated settings of ingest. Every field has an environment variable, documented here with
 * its unit and default; a bad value fails at start-up with an {@link IngestException} naming the key.
 *
 * @param segmentMs          segment length in media milliseconds. Env {@code CUEPOINT_SEGMENT_SECONDS}
 *                           (seconds, may be fractional), default 30 s
 * @param sampleFps          analysis images per second of media time (plus one on each segment's last
 *                           frame, the next segment's lead-in). Env {@code CUEPOINT_SAMPLE_FPS}
 *                           (frames per second, &gt; 0), default 4.0
 * @param analysisMaxSide    long side of the analysis image in pixels (never upscaled).
 *                           Env {@code CUEPOINT_ANALYSIS_MAX_SIDE}, default 640
 * @param thumbnailWidth     thumbnail width in pixels; the height keeps the display aspect.
 *                           Env {@code CUEPOINT_THUMBNAIL_WIDTH}, default 64
 * @param jpegQuality        JPEG quality of the analysis image, 1 to 100. Env {@code CUEPOINT_JPEG_QUALITY},
 *                           default 85
 * @param audioWindowMs      audio loudness window in milliseconds. Env {@code CUEPOINT_AUDIO_WINDOW_MS},
 *                           default 20
 * @param decoderThreads     FFmpeg decoder threads; 0 lets FFmpeg use one per core.
 *                           Env {@code CUEPOINT_DECODER_THREADS}, default 0
 * @param progressIntervalMs least wall-clock milliseconds between two PROGRESS records, default 500
 *                           (not configurable from the environment: it only shapes the UI)
 * @param audioPcm           whether each segment's audio record carries the waveform (mono 16-bit PCM at
 *                           16 kHz, for the analyzer's speech cues) besides the loudness windows. It costs
 *                           32 KB a second of media: 960 KB raw, about 1.3 MB as base64 JSON, for a 30 s
 *                           segment (the topics allow 16 MB a record, the producer 8 MB). Off, speech cues
 *                           find no audio; loudness windows stay. Env {@code CUEPOINT_AUDIO_PCM}
 *                           ({@code true}/{@code false}), default true
 */
public record IngestConfig(long segmentMs, double sampleFps, int analysisMaxSide, int thumbnailWidth,
                           int jpegQuality, int audioWindowMs, int decoderThreads, long progressIntervalMs,
                           boolean audioPcm) {

    public static final String SEGMENT_SECONDS = "CUEPOINT_SEGMENT_SECONDS";
    public static final String SAMPLE_FPS = "CUEPOINT_SAMPLE_FPS";
    public static final String ANALYSIS_MAX_SIDE = "CUEPOINT_ANALYSIS_MAX_SIDE";
    public static final String THUMBNAIL_WIDTH = "CUEPOINT_THUMBNAIL_WIDTH";
    public static final String JPEG_QUALITY = "CUEPOINT_JPEG_QUALITY";
    public static final String AUDIO_WINDOW_MS = "CUEPOINT_AUDIO_WINDOW_MS";
    public static final String DECODER_THREADS = "CUEPOINT_DECODER_THREADS";
    public static final String AUDIO_PCM = "CUEPOINT_AUDIO_PCM";

    public IngestConfig {
        // Checked here too, so a config built in code is held to the same rules as one from the environment.
        require(segmentMs >= 1000, SEGMENT_SECONDS, segmentMs / 1000.0, "at least 1 second");
        require(sampleFps > 0 && sampleFps <= 120, SAMPLE_FPS, sampleFps, "a number above 0 and at most 120");
        require(analysisMaxSide >= 32 && analysisMaxSide <= 8192, ANALYSIS_MAX_SIDE, analysisMaxSide, "32 to 8192 pixels");
        require(thumbnailWidth >= 8 && thumbnailWidth <= 1024, THUMBNAIL_WIDTH, thumbnailWidth, "8 to 1024 pixels");
        require(jpegQuality >= 1 && jpegQuality <= 100, JPEG_QUALITY, jpegQuality, "1 to 100");
        require(audioWindowMs >= 5 && audioWindowMs <= 1000, AUDIO_WINDOW_MS, audioWindowMs, "5 to 1000 milliseconds");
        require(decoderThreads >= 0 && decoderThreads <= 64, DECODER_THREADS, decoderThreads, "0 (one per core) to 64");
        require(progressIntervalMs >= 0, "progressIntervalMs", progressIntervalMs, "0 or more milliseconds");
    }

    /** Settings with the waveform on (its default). */
    public IngestConfig(long segmentMs, double sampleFps, int analysisMaxSide, int thumbnailWidth, int jpegQuality,
                        int audioWindowMs, int decoderThreads, long progressIntervalMs) {
        this(segmentMs, sampleFps, analysisMaxSide, thumbnailWidth, jpegQuality, audioWindowMs, decoderThreads,
                progressIntervalMs, true);
    }

    /** The defaults listed on each field. */
    public static IngestConfig defaults() {
        return new IngestConfig(30_000, 4.0, 640, 64, 85, 20, 0, 500, true);
    }

    /** The defaults, overridden by whichever {@code CUEPOINT_*} variables are set (blank counts as unset). */
    public static IngestConfig fromEnvironment(Map<String, String> env) {
        var d = defaults();
        double segmentSeconds = read(env, SEGMENT_SECONDS, Double::parseDouble, d.segmentMs() / 1000.0);
        return new IngestConfig(
                Math.round(segmentSeconds * 1000),
                read(env, SAMPLE_FPS, Double::parseDouble, d.sampleFps()),
                read(env, ANALYSIS_MAX_SIDE, Integer::parseInt, d.analysisMaxSide()),
                read(env, THUMBNAIL_WIDTH, Integer::parseInt, d.thumbnailWidth()),
                read(env, JPEG_QUALITY, Integer::parseInt, d.jpegQuality()),
                read(env, AUDIO_WINDOW_MS, Integer::parseInt, d.audioWindowMs()),
                read(env, DECODER_THREADS, Integer::parseInt, d.decoderThreads()),
                d.progressIntervalMs(),
                read(env, AUDIO_PCM, IngestConfig::parseBoolean, d.audioPcm()));
    }

    /** One line for the start-up log. */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "segment=%.1fs sampleFps=%.2f analysisMaxSide=%dpx thumbnailWidth=%dpx jpegQuality=%d "
                        + "audioWindow=%dms audioPcm=%s decoderThreads=%s progressInterval=%dms",
                segmentMs / 1000.0, sampleFps, analysisMaxSide, thumbnailWidth, jpegQuality, audioWindowMs,
                audioPcm, decoderThreads == 0 ? "auto" : Integer.toString(decoderThreads), progressIntervalMs);
    }

    private static <T> T read(Map<String, String> env, String key, Function<String, T> parse, T fallback) {
        String raw = env.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            T value = parse.apply(raw.trim());
            if (value instanceof Double dv && (dv.isNaN() || dv.isInfinite())) {
                throw new NumberFormatException(raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw IngestException.badConfig(key, raw, fallback instanceof Boolean ? "true or false"
                    : fallback instanceof Double ? "a number" : "a whole number");
        }
    }

    /** Strict, unlike {@link Boolean#parseBoolean}: a typo must not silently turn a feature off. */
    private static Boolean parseBoolean(String raw) {
        if (raw.equalsIgnoreCase("true")) {
            return true;
        }
        if (raw.equalsIgnoreCase("false")) {
            return false;
        }
        throw new NumberFormatException(raw);
    }

    private static void require(boolean ok, String key, Object value, String expected) {
        if (!ok) {
            throw IngestException.badConfig(key, String.valueOf(value), expected);
        }
    }
}
