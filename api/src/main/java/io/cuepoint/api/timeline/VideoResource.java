package io.cuepoint.api.timeline;

import io.cuepoint.api.store.Video;
import io.cuepoint.api.store.VideoStatus;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * A video as the api serves it.
 *
 * @param progress 0 to 1: half decoding (by decoded share of the duration), half analysis (segments done of
 *                 segments expected; before decoding ends the expected count is estimated from duration and
 *                 segment length); 1 once completed
 */
@Schema(name = "Video")
public record VideoResource(String id, String filename, VideoStatus status, double progress, @Nullable String error,
                            @Nullable Media media, Counts counts, Instant createdAt, Instant updatedAt,
                            @Nullable Instant completedAt) {

    /** Container metadata, known once decoding started. */
    public record Media(@Nullable Long durationMs, @Nullable Double frameRate, @Nullable Integer width,
                        @Nullable Integer height, @Nullable Integer rotation, @Nullable String format,
                        @Nullable String videoCodec, @Nullable String audioCodec, @Nullable Boolean hasAudio,
                        @Nullable Long sizeBytes) {
    }

    /** What has been processed so far. */
    public record Counts(long frames, int corruptFrames, long events, int segmentsDone,
                         @Nullable Integer segmentsExpected) {
    }

    public static VideoResource of(Video v, long events) {
        Media media = v.mediaKnown() ? new Media(v.durationMs(), v.frameRate(), v.width(), v.height(), v.rotation(),
                v.containerFormat(), v.videoCodec(), v.audioCodec(), v.hasAudio(), v.sizeBytes()) : null;
        return new VideoResource(v.id(), v.filename(), v.status(), progress(v), v.error(), media,
                new Counts(v.frames(), v.corruptFrames(), events, v.segmentsDone(), v.segmentsExpected()),
                v.createdAt(), v.updatedAt(), v.completedAt());
    }

    static double progress(Video v) {
        if (v.status() == VideoStatus.COMPLETED) {
            return 1;
        }
        Integer expected = v.segmentsExpected();
        if (expected == null && v.durationMs() != null && v.segmentMs() != null && v.segmentMs() > 0) {
            expected = (int) Math.max(1, (v.durationMs() + v.segmentMs() - 1) / v.segmentMs());
        }
        double analysis = expected == null || expected == 0 ? 0 : Math.min(1, (double) v.segmentsDone() / expected);
        double decode = Math.max(0, Math.min(1, v.decodeFraction()));
        return 0.5 * decode + 0.5 * analysis;
    }
}
