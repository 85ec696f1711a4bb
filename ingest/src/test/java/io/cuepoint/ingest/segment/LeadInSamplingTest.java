package io.cuepoint.ingest.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.decode.AudioWindow;
import io.cuepoint.ingest.decode.DecodeListener;
import io.cuepoint.ingest.decode.DecodeResult;
import io.cuepoint.ingest.decode.DecodedFrame;
import io.cuepoint.ingest.decode.VideoDecoder;
import io.cuepoint.ingest.testing.TestMedia;
import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.MediaInfo;
import io.cuepoint.ingest.wire.SegmentEnd;
import io.cuepoint.ingest.wire.SegmentRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real decoding into real segments: every lead-in carries an analysis image, so the analyzers of two
 * neighbouring segments see the same picture at their boundary.
 */
class LeadInSamplingTest {
    @TempDir
    Path dir;

    /** Decodes {@code file} with 2 s segments and the given sampling rate, and segments it. */
    private Cut cut(Path file, double sampleFps) {
        var config = new IngestConfig(2000, sampleFps, 640, 64, 85, 20, 0, 500);
        var records = new ArrayList<SegmentRecord>();
        var decoded = new ArrayList<DecodedFrame>();
        var listener = new DecodeListener() {
            Segmenter segmenter;

            @Override
            public void onStart(MediaInfo media) {
                segmenter = new Segmenter("v", config.segmentMs(), media.hasAudio() ? media.audioSampleRate() : 0,
                        config.audioWindowMs(), records::add);
            }

            @Override
            public void onFrame(DecodedFrame frame) {
                decoded.add(frame);
                segmenter.onFrame(frame);
            }

            @Override
            public void onAudio(AudioWindow window) {
                segmenter.onAudio(window);
            }
        };
        DecodeResult result = new VideoDecoder(config).decode(file, listener);
        int segments = listener.segmenter.finish(result.endMs());
        return new Cut(result, decoded, records, segments);
    }

    private record Cut(DecodeResult result, List<DecodedFrame> decoded, List<SegmentRecord> records, int segments) {
        FrameRecord leadIn(int segment) {
            return records.stream().filter(r -> r.segment() == segment && r instanceof FrameRecord f && f.leadIn())
                    .map(FrameRecord.class::cast).findFirst().orElseThrow();
        }

        List<FrameRecord> frames(int segment) {
            return records.stream().filter(r -> r.segment() == segment && r instanceof FrameRecord f && !f.leadIn())
                    .map(FrameRecord.class::cast).toList();
        }

        SegmentEnd end(int segment) {
            return records.stream().filter(r -> r.segment() == segment && r instanceof SegmentEnd)
                    .map(SegmentEnd.class::cast).findFirst().orElseThrow();
        }
    }

    @Test
    void everyLeadInOfAConstantRateClipCarriesItsPredecessorsLastFrameAndImage() {
        // 7 s at 25 fps: segments 0-2 s, 2-4 s, 4-6 s full, 6-7 s the last. Sampling 4 fps.
        var clip = TestMedia.generateClipWithCuts(dir.resolve("clip.mp4"), 160, 120, 25, 175, new int[]{60, 110});

        var cut = cut(clip.path(), 4.0);

        assertThat(cut.segments()).isEqualTo(4);
        for (int s = 1; s < cut.segments(); s++) {
            var previous = cut.frames(s - 1);
            var last = previous.get(previous.size() - 1);
            var leadIn = cut.leadIn(s);
            assertThat(last.sampled()).as("last frame of segment %d", s - 1).isTrue();
            assertThat(leadIn.sampled()).as("lead-in of segment %d", s).isTrue();
            assertThat(leadIn.frame()).isEqualTo(last.frame());
            assertThat(leadIn.ptsMs()).isEqualTo(last.ptsMs());
            assertThat(leadIn.analysisJpeg()).isEqualTo(last.analysisJpeg());
            assertThat(leadIn.analysisWidth()).isEqualTo(160);
        }
        for (int s = 0; s < cut.segments(); s++) {
            long sampled = cut.frames(s).stream().filter(FrameRecord::sampled).count();
            assertThat(cut.end(s).sampledCount()).isEqualTo((int) sampled);
            // 4 ticks per second; one more image on a segment's last frame unless a tick already had it.
            double seconds = (cut.end(s).endMs() - cut.end(s).startMs()) / 1000.0;
            assertThat((double) sampled).as("segment %d", s).isBetween(4 * seconds - 1, 4 * seconds + 1);
        }
        // The video's last frame has no next segment and so no extra image (6960 ms is not on a tick).
        var tail = cut.frames(3);
        assertThat(tail.get(tail.size() - 1).ptsMs()).isEqualTo(6960);
        assertThat(tail.get(tail.size() - 1).sampled()).isFalse();
        assertThat(cut.result().sampled()).isEqualTo(cut.records().stream()
                .filter(r -> r instanceof FrameRecord f && !f.leadIn() && f.sampled()).count());
    }

    @Test
    void variableFrameRateAndGapsStillSampleEachSegmentsLastFrame() {
        // Sampled at 1 fps. Segment 0 ends at 1500 ms, long before its boundary (a frame-rate prediction
        // would not pick it); segment 1 ends at 2900 ms, off its tick; segment 2 is empty; the video's last
        // frame, 6700 ms, is off its tick and gets no image.
        long[] pts = {0, 500, 1000, 1500, 2600, 2900, 6500, 6700};
        var clip = TestMedia.generateVariableFrameRate(dir.resolve("vfr.mp4"), 160, 120, pts);

        var cut = cut(clip.path(), 1.0);

        assertThat(cut.decoded()).hasSize(pts.length);
        assertThat(cut.decoded().stream().filter(DecodedFrame::sampled).map(DecodedFrame::frame))
                .containsExactly(0L, 2L, 3L, 4L, 5L, 6L);
        assertThat(cut.segments()).isEqualTo(4);
        assertThat(cut.leadIn(1).frame()).isEqualTo(3);
        assertThat(cut.leadIn(2).frame()).isEqualTo(5);
        assertThat(cut.leadIn(3).frame()).isEqualTo(5);
        for (int s = 1; s < 4; s++) {
            assertThat(cut.leadIn(s).sampled()).as("lead-in of segment %d", s).isTrue();
        }
        assertThat(cut.frames(2)).isEmpty();
    }

    @Test
    void aFrameOnATickThatEndsASegmentIsSampledOnce() {
        // Sampling at the video's own rate: every frame is on a tick, the segments' last frames included.
        var clip = TestMedia.generateClipWithCuts(dir.resolve("ten.mp4"), 160, 120, 10, 45, new int[0]);

        var cut = cut(clip.path(), 10.0);

        assertThat(cut.result().frames()).isEqualTo(45);
        assertThat(cut.result().sampled()).isEqualTo(45);
        assertThat(cut.decoded()).allMatch(DecodedFrame::sampled);
        assertThat(cut.end(0).sampledCount()).isEqualTo(20);
        assertThat(cut.leadIn(1).frame()).isEqualTo(19);
        assertThat(cut.leadIn(2).frame()).isEqualTo(39);
    }
}
