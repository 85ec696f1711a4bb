package io.cuepoint.api.store;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A video row.
 *
 * @param segmentsExpected null until decoding completes
 * @param mediaKnown       whether ingest has reported the container metadata (the media columns)
 * @param tenantId         the tenant that owns the video
 * @param courseId         the course it belongs to
 */
public record Video(String id, String filename, String sourcePath, VideoStatus status, @Nullable String error,
                    double decodeFraction, @Nullable Long segmentMs, @Nullable Integer segmentsExpected,
                    int segmentsDone, long frames, int corruptFrames, boolean mediaKnown,
                    @Nullable Long durationMs, @Nullable Double frameRate, @Nullable Integer width,
                    @Nullable Integer height, @Nullable Integer rotation, @Nullable String containerFormat,
                    @Nullable String videoCodec, @Nullable String audioCodec, @Nullable Boolean hasAudio,
                    @Nullable Long sizeBytes, Instant createdAt, Instant updatedAt, @Nullable Instant completedAt,
                    String tenantId, String courseId) {
}
