package io.cuepoint.ingest.publish;

import io.cuepoint.ingest.IngestException;
import io.cuepoint.ingest.wire.DecodeProgress;
import io.cuepoint.ingest.wire.DecodeProgress.State;
import io.cuepoint.ingest.wire.MediaInfo;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireJson;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Publishes the {@link DecodeProgress} of one video to {@link Topics#PROGRESS}, keyed by video id:
 * STARTED with the media info, PROGRESS at most once per interval, then COMPLETED or FAILED. The final
 * records are sent synchronously, so a job's offset is committed only after its outcome is on the topic.
 */
public final class ProgressPublisher {
    private final Producer<String, byte[]> producer;
    private final String videoId;
    private final long segmentMs;
    private final long intervalMs;
    private final Clock clock;
    private MediaInfo media;
    private long lastProgressAt = Long.MIN_VALUE;

    public ProgressPublisher(Producer<String, byte[]> producer, String videoId, long segmentMs, long intervalMs,
                             Clock clock) {
        this.producer = producer;
        this.videoId = videoId;
        this.segmentMs = segmentMs;
        this.intervalMs = intervalMs;
        this.clock = clock;
    }

    public void started(MediaInfo media) {
        this.media = media;
        lastProgressAt = clock.millis();
        send(new DecodeProgress(DecodeProgress.SCHEMA, videoId, State.STARTED, 0, media, segmentMs, null, 0, 0,
                null, clock.instant()));
    }

    /** Publishes PROGRESS unless one went out less than the interval ago. */
    public void progress(long ptsMs, long frames, int corruptFrames) {
        long now = clock.millis();
        if (now - lastProgressAt < intervalMs) {
            return;
        }
        lastProgressAt = now;
        double fraction = media == null || media.durationMs() <= 0 ? 0
                : Math.min(1.0, Math.max(0.0, (double) ptsMs / media.durationMs()));
        send(new DecodeProgress(DecodeProgress.SCHEMA, videoId, State.PROGRESS, fraction, media, segmentMs, null,
                frames, corruptFrames, null, clock.instant()));
    }

    /** Publishes COMPLETED and waits for its acknowledgement. Flush the frame records first. */
    public void completed(int segments, long frames, int corruptFrames) {
        await(send(new DecodeProgress(DecodeProgress.SCHEMA, videoId, State.COMPLETED, 1.0, media, segmentMs,
                segments, frames, corruptFrames, null, clock.instant())));
    }

    /** Publishes FAILED with a reason for the user and waits for its acknowledgement. */
    public void failed(String error, long frames, int corruptFrames) {
        await(send(new DecodeProgress(DecodeProgress.SCHEMA, videoId, State.FAILED, 0, media, segmentMs, null,
                frames, corruptFrames, error, clock.instant())));
    }

    private Future<RecordMetadata> send(DecodeProgress record) {
        try {
            return producer.send(new ProducerRecord<>(Topics.PROGRESS, videoId, WireJson.write(record)));
        } catch (KafkaException e) {
            throw IngestException.transientFailure("cannot publish progress to Kafka: " + e.getMessage(), e);
        }
    }

    private static void await(Future<RecordMetadata> ack) {
        try {
            ack.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw IngestException.transientFailure("interrupted while publishing progress", e);
        } catch (ExecutionException e) {
            throw IngestException.transientFailure("cannot publish progress to Kafka: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
