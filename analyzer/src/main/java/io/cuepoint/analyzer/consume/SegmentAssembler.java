package io.cuepoint.analyzer.consume;

import io.cuepoint.analyzer.detect.Segment;
import io.cuepoint.ingest.wire.AudioRecord;
import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.SegmentEnd;
import io.cuepoint.ingest.wire.SegmentRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers the records of each segment until its {@link SegmentEnd} arrives, and knows which offset of
 * each partition is safe to commit. Segments interleave on a partition, so that offset is the first
 * offset of the oldest segment still buffered there, or the offset after the last record when none is:
 * committing further would lose the buffered segment's earlier records on a restart.
 *
 * <p>After a restart from such an offset, segments that had already been published are seen again
 * from their middle. They are recognised by their missing records and skipped: their events went out
 * before the committed offset was written.
 *
 * <p>An ingest worker that dies while decoding leaves the segment it was writing unfinished, and the
 * worker that takes the job over writes the whole video again under the same keys. A segment's records
 * therefore start over when a lead-in arrives after other records, or a frame whose number is not past the
 * last one: what came before belongs to the abandoned attempt and is thrown away, or the segment would
 * never add up to its end record's frame count and would never be analysed.
 */
final class SegmentAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentAssembler.class);

    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();

    /**
     * Adds one record. Returns the segment when this record completed it; the caller must publish it
     * before asking for {@link #committable()}.
     */
    Optional<Segment> add(TopicPartition partition, long offset, SegmentRecord record) {
        var state = partitions.computeIfAbsent(partition, p -> new PartitionState());
        state.next = offset + 1;
        var key = record.key();
        if (record instanceof SegmentEnd end) {
            var pending = state.pending.remove(key);
            return complete(pending == null ? new Pending(offset) : pending, end);
        }
        var pending = state.pending.computeIfAbsent(key, k -> new Pending(offset));
        if (record instanceof FrameRecord frame && pending.restartedBy(frame)) {
            LOG.info("segment {} starts over at offset {} (its video is being decoded again); dropping {} "
                    + "frames of the abandoned attempt", key, offset, pending.frames.size());
            pending = new Pending(offset);
            state.pending.put(key, pending);
        }
        if (record instanceof FrameRecord frame) {
            if (frame.leadIn()) {
                pending.leadIn = frame;
            } else {
                pending.frames.add(frame);
            }
        } else if (record instanceof AudioRecord audio) {
            pending.audio = audio;
        }
        return Optional.empty();
    }

    /** Records that a record was skipped (unparseable): it no longer holds back the commit. */
    void skip(TopicPartition partition, long offset) {
        partitions.computeIfAbsent(partition, p -> new PartitionState()).next = offset + 1;
    }

    /** The offsets that are safe to commit now, for every partition that has seen a record. */
    Map<TopicPartition, OffsetAndMetadata> committable() {
        var offsets = new HashMap<TopicPartition, OffsetAndMetadata>();
        partitions.forEach((partition, state) -> {
            long offset = state.pending.values().stream().mapToLong(p -> p.firstOffset).min().orElse(state.next);
            offsets.put(partition, new OffsetAndMetadata(offset));
        });
        return offsets;
    }

    /** Forgets the partitions (revoked or rewound); their incomplete segments will be delivered again. */
    void drop(Collection<TopicPartition> dropped) {
        dropped.forEach(partitions::remove);
    }

    int buffered() {
        return partitions.values().stream().mapToInt(s -> s.pending.size()).sum();
    }

    private static Optional<Segment> complete(Pending pending, SegmentEnd end) {
        boolean missingLeadIn = end.segment() > 0 && end.frameCount() > 0 && pending.leadIn == null;
        if (pending.frames.size() != end.frameCount() || missingLeadIn) {
            LOG.info("skipping segment {}/{} seen from its middle ({} of {} frames, lead-in {}): it was published "
                            + "before the committed offset", end.videoId(), end.segment(), pending.frames.size(),
                    end.frameCount(), pending.leadIn != null);
            return Optional.empty();
        }
        return Optional.of(new Segment(pending.leadIn, pending.frames, pending.audio, end));
    }

    private static final class PartitionState {
        // Insertion order is offset order, which keeps the logs readable; the minimum is computed anyway.
        final Map<String, Pending> pending = new LinkedHashMap<>();
        long next;
    }

    private static final class Pending {
        final long firstOffset;
        final List<FrameRecord> frames = new ArrayList<>();
        FrameRecord leadIn;
        AudioRecord audio;

        Pending(long firstOffset) {
            this.firstOffset = firstOffset;
        }

        /** True when the frame can only be the beginning of another attempt at this segment. */
        boolean restartedBy(FrameRecord frame) {
            if (frame.leadIn()) {
                return leadIn != null || !frames.isEmpty() || audio != null;
            }
            return !frames.isEmpty() && frame.frame() <= frames.get(frames.size() - 1).frame();
        }
    }
}
