package io.cuepoint.analyzer.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.detect.SyntheticVideo;
import io.cuepoint.ingest.wire.SegmentRecord;
import io.cuepoint.ingest.wire.Topics;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Two segments of 3 frames (plus lead-in for segment 1) interleaved on one partition. */
class SegmentAssemblerTest {
    private static final TopicPartition P0 = new TopicPartition(Topics.FRAMES, 0);
    private final SyntheticVideo video = new SyntheticVideo("v", 6, 3, Set.of(), Set.of(), 100);
    private final SegmentAssembler assembler = new SegmentAssembler();

    @Test
    void commitsUpToTheOldestIncompleteSegmentOnly() {
        List<SegmentRecord> a = video.records(0); // frame 0, 1, 2, end
        List<SegmentRecord> b = video.records(1); // lead-in 2, frame 3, 4, 5, end
        // Offsets: a0=0 b0=1 a1=2 b1=3 a2=4 b2=5 aEnd=6 b3=7 bEnd=8
        assertThat(assembler.add(P0, 0, a.get(0))).isEmpty();
        assertThat(assembler.add(P0, 1, b.get(0))).isEmpty();
        assertThat(assembler.add(P0, 2, a.get(1))).isEmpty();
        assertThat(assembler.add(P0, 3, b.get(1))).isEmpty();
        assertThat(assembler.add(P0, 4, a.get(2))).isEmpty();
        assertThat(assembler.add(P0, 5, b.get(2))).isEmpty();
        assertThat(offset()).isEqualTo(0);

        var segmentA = assembler.add(P0, 6, a.get(3)).orElseThrow();
        assertThat(segmentA.index()).isZero();
        assertThat(segmentA.leadIn()).isNull();
        assertThat(segmentA.frames()).extracting(f -> f.frame()).containsExactly(0L, 1L, 2L);
        // Segment 1 began at offset 1 and is still open: committing past it would lose its lead-in.
        assertThat(offset()).isEqualTo(1);

        assertThat(assembler.add(P0, 7, b.get(3))).isEmpty();
        var segmentB = assembler.add(P0, 8, b.get(4)).orElseThrow();
        assertThat(segmentB.leadIn().frame()).isEqualTo(2);
        assertThat(segmentB.frames()).extracting(f -> f.frame()).containsExactly(3L, 4L, 5L);
        assertThat(offset()).isEqualTo(9);

        assembler.skip(P0, 9);
        assertThat(offset()).isEqualTo(10);
    }

    @Test
    void segmentSeenFromItsMiddleAfterARestartIsSkippedButCommitted() {
        List<SegmentRecord> b = video.records(1);
        // Restarted at offset 3: the lead-in and first frame were before the committed offset.
        assertThat(assembler.add(P0, 3, b.get(2))).isEmpty();
        assertThat(assembler.add(P0, 4, b.get(3))).isEmpty();
        assertThat(assembler.add(P0, 5, b.get(4))).isEmpty();
        assertThat(assembler.buffered()).isZero();
        assertThat(offset()).isEqualTo(6);
    }

    @Test
    void aSegmentWrittenAgainByAnotherIngestWorkerStartsOverAndIsAnalysedOnce() {
        List<SegmentRecord> b = video.records(1); // lead-in 2, frame 3, 4, 5, end
        // The first worker died after the lead-in and one frame; the next one decodes the video again.
        assembler.add(P0, 0, b.get(0));
        assembler.add(P0, 1, b.get(1));
        long analysed = 0;
        for (int i = 0; i < b.size(); i++) {
            var done = assembler.add(P0, 2 + i, b.get(i));
            if (done.isPresent()) {
                analysed++;
                assertThat(done.get().leadIn().frame()).isEqualTo(2);
                assertThat(done.get().frames()).extracting(f -> f.frame()).containsExactly(3L, 4L, 5L);
            }
            if (i == 0) {
                // The abandoned attempt's records hold nothing back any more.
                assertThat(offset()).isEqualTo(2);
            }
        }
        assertThat(analysed).isEqualTo(1);
        assertThat(offset()).isEqualTo(2 + b.size());
    }

    @Test
    void theFirstSegmentStartsOverOnARepeatedFrameNumber() {
        List<SegmentRecord> a = video.records(0); // frame 0, 1, 2, end (no lead-in)
        assembler.add(P0, 0, a.get(0));
        assembler.add(P0, 1, a.get(1));
        assertThat(assembler.add(P0, 2, a.get(0))).isEmpty();
        assertThat(assembler.add(P0, 3, a.get(1))).isEmpty();
        assertThat(assembler.add(P0, 4, a.get(2))).isEmpty();
        var segment = assembler.add(P0, 5, a.get(3)).orElseThrow();
        assertThat(segment.frames()).extracting(f -> f.frame()).containsExactly(0L, 1L, 2L);
    }

    @Test
    void droppedPartitionsForgetTheirSegments() {
        var b = video.records(1);
        assembler.add(P0, 0, b.get(0));
        assertThat(assembler.buffered()).isEqualTo(1);
        assembler.drop(List.of(P0));
        assertThat(assembler.buffered()).isZero();
        assertThat(assembler.committable()).isEmpty();
    }

    private long offset() {
        OffsetAndMetadata offset = assembler.committable().get(P0);
        return offset.offset();
    }
}
