package io.cuepoint.ingest.worker;

import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.IngestException;
import io.cuepoint.ingest.decode.AudioWindow;
import io.cuepoint.ingest.decode.DecodeListener;
import io.cuepoint.ingest.decode.DecodeResult;
import io.cuepoint.ingest.decode.DecodedFrame;
import io.cuepoint.ingest.decode.VideoDecoder;
import io.cuepoint.ingest.publish.KafkaSegmentPublisher;
import io.cuepoint.ingest.publish.ProgressPublisher;
import io.cuepoint.ingest.segment.Segmenter;
import io.cuepoint.ingest.wire.MediaInfo;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one ingest job: decode, segment, publish frames and progress. Bad input ends in a FAILED record
 * and a normal return; only transient failures (Kafka) and cancellation escape as exceptions.
 */
final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final IngestConfig config;
    private final VideoDecoder decoder;
    private final Producer<String, byte[]> producer;
    private final Clock clock;

    JobRunner(IngestConfig config, Producer<String, byte[]> producer, Clock clock) {
        this.config = config;
        this.decoder = new VideoDecoder(config);
        this.producer = producer;
        this.clock = clock;
    }

    /**
     * @param heartbeat called between frames; keeps the consumer in its group and may throw to cancel
     * @return true when the job completed, false when it failed permanently (FAILED published)
     */
    boolean run(String videoId, Path source, Runnable heartbeat) {
        var progress = new ProgressPublisher(producer, videoId, config.segmentMs(), config.progressIntervalMs(), clock);
        var frames = new KafkaSegmentPublisher(producer);
        var listener = new Listener(videoId, progress, frames, heartbeat);
        long started = System.nanoTime();
        try {
            DecodeResult result = decoder.decode(source, listener);
            int segments = listener.segmenter.finish(result.endMs());
            // Every frame record must be acknowledged before anyone is told the video is complete.
            frames.flush();
            progress.completed(segments, result.frames(), result.corruptFrames());
            IngestMetrics.jobEnded(true, started);
            LOG.info("{}: ingested {} frames ({} sampled, {} corrupt) in {} segments, {} records, {} ms",
                    videoId, result.frames(), result.sampled(), result.corruptFrames(), segments, frames.sent(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            // A job abandoned because the worker stops (wakeup) did not fail: another worker runs it again.
            if (!(e instanceof WakeupException)) {
                IngestMetrics.jobEnded(false, started);
            }
            if (!(e instanceof IngestException ie) || !ie.permanent()) {
                throw e;
            }
            LOG.warn("{}: ingest failed: {}", videoId, e.getMessage());
            // Records of a half-published video stay on the topic; the FAILED record tells readers to drop them.
            progress.failed(e.getMessage(), listener.frames, listener.corrupt);
            return false;
        }
    }

    /** Feeds the segmenter and progress from the decoding thread. */
    private final class Listener implements DecodeListener {
        final String videoId;
        final ProgressPublisher progress;
        final KafkaSegmentPublisher sink;
        final Runnable heartbeat;
        Segmenter segmenter;
        long frames;
        int corrupt;

        Listener(String videoId, ProgressPublisher progress, KafkaSegmentPublisher sink, Runnable heartbeat) {
            this.videoId = videoId;
            this.progress = progress;
            this.sink = sink;
            this.heartbeat = heartbeat;
        }

        @Override
        public void onStart(MediaInfo media) {
            LOG.info("{}: decoding {}x{} {} {} ms, {} fps, audio {}", videoId, media.width(), media.height(),
                    media.videoCodec(), media.durationMs(), media.frameRate(), media.hasAudio());
            segmenter = new Segmenter(videoId, config.segmentMs(), media.hasAudio() ? media.audioSampleRate() : 0,
                    config.audioWindowMs(), sink);
            progress.started(media);
        }

        @Override
        public void onFrame(DecodedFrame frame) {
            segmenter.onFrame(frame);
            frames++;
            IngestMetrics.frameDecoded();
            progress.progress(frame.ptsMs(), frames, corrupt);
            heartbeat.run();
        }

        @Override
        public void onAudio(AudioWindow window) {
            segmenter.onAudio(window);
        }
    }
}
