package io.cuepoint.ingest.segment;

import io.cuepoint.ingest.decode.AudioWindow;
import io.cuepoint.ingest.decode.DecodedFrame;
import io.cuepoint.ingest.wire.AudioRecord;
import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.SegmentEnd;
import io.cuepoint.ingest.wire.SegmentRecord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts one video's decoded frames and audio windows into segments of fixed media length and writes them
 * as wire records. Segment {@code i} holds the frames with {@code floor(ptsMs / segmentMs) == i}; every
 * segment after the first opens with a lead-in copy of the previous segment's last frame (which the decoder
 * samples, so the copy carries its analysis image: see {@code FrameSampler}); its audio
 * windows (those starting in it) go into one {@link AudioRecord}, their waveforms joined into its PCM at
 * {@link AudioRecord#PCM_RATE} when the windows carry one: since each window's waveform runs to the next
 * window's start, the segments' PCM put end to end is the whole downmix, without gap or overlap; a
 * {@link SegmentEnd} closes it.
 *
 * <p>Containers interleave audio and video loosely, so the audio of a segment may still be arriving when
 * the first frame of the next segment is decoded. A segment whose frames are complete therefore waits
 * (as "pending") until audio has passed its end, then gets its audio record and its end record. Records of
 * different segments may so interleave on the sink; within a segment (one Kafka key, one partition) the
 * order is always: lead-in, frames, audio, end. Not thread-safe: feed it from the decoding thread.
 */
public final class Segmenter {
    private static final Logger LOG = LoggerFactory.getLogger(Segmenter.class);

    private final String videoId;
    private final long segmentMs;
    private final boolean audio;
    private final int audioSampleRate;
    private final int audioWindowMs;
    private final SegmentSink sink;

    private int current;
    private int frameCount;
    private int sampledCount;
    private FrameRecord lastFrame;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Map<Integer, AudioBuffer> audioBySegment = new TreeMap<>();
    private long audioHorizonMs = -1;
    private int segments;

    /**
     * @param audioSampleRate sample rate of the audio stream, or 0 when the video has none (then segments
     *                        never wait for audio and carry no audio record)
     */
    public Segmenter(String videoId, long segmentMs, int audioSampleRate, int audioWindowMs, SegmentSink sink) {
        this.videoId = videoId;
        this.segmentMs = segmentMs;
        this.audio = audioSampleRate > 0;
        this.audioSampleRate = audioSampleRate;
        this.audioWindowMs = audioWindowMs;
        this.sink = sink;
    }

    /** The segment a media time falls in. */
    public int segmentOf(long ptsMs) {
        return (int) Math.floorDiv(ptsMs, segmentMs);
    }

    public void onFrame(DecodedFrame frame) {
        int seg = segmentOf(frame.ptsMs());
        // Frames arrive in presentation order; a gap longer than a segment leaves empty segments, which are
        // still written (lead-in and end) so that segment numbers stay contiguous for the analyzers.
        while (seg > current) {
            pending.add(new Pending(current, frameCount, sampledCount));
            current++;
            frameCount = 0;
            sampledCount = 0;
            if (lastFrame != null) {
                sink.accept(new FrameRecord(SegmentRecord.SCHEMA, videoId, current, lastFrame.frame(),
                        lastFrame.ptsMs(), true, lastFrame.thumbWidth(), lastFrame.thumbHeight(),
                        lastFrame.thumbnail(), lastFrame.analysisJpeg(), lastFrame.analysisWidth(),
                        lastFrame.analysisHeight()));
            }
        }
        var record = new FrameRecord(SegmentRecord.SCHEMA, videoId, current, frame.frame(), frame.ptsMs(), false,
                frame.thumbWidth(), frame.thumbHeight(), frame.thumbnail(), frame.analysisJpeg(),
                frame.analysisWidth(), frame.analysisHeight());
        sink.accept(record);
        lastFrame = record;
        frameCount++;
        if (frame.sampled()) {
            sampledCount++;
        }
        endSettled();
    }

    public void onAudio(AudioWindow window) {
        if (!audio) {
            return;
        }
        int seg = segmentOf(window.startMs());
        if (!pending.isEmpty() && seg < pending.peekFirst().index() || pending.isEmpty() && seg < current) {
            // Cannot happen with windows in time order; dropped rather than written after the segment's end.
            LOG.debug("{}: audio window at {} ms arrived after segment {} ended", videoId, window.startMs(), seg);
            return;
        }
        audioBySegment.computeIfAbsent(seg, s -> new AudioBuffer(window.startMs())).add(window);
        audioHorizonMs = Math.max(audioHorizonMs, window.startMs() + audioWindowMs);
        endSettled();
    }

    /**
     * Ends every remaining segment; the last one ends at {@code endMs} (the end of the video).
     *
     * @return the number of segments written
     */
    public int finish(long endMs) {
        pending.add(new Pending(current, frameCount, sampledCount));
        while (!pending.isEmpty()) {
            Pending p = pending.removeFirst();
            boolean last = pending.isEmpty();
            long end = last ? Math.max(endMs, p.index() * segmentMs) : (p.index() + 1L) * segmentMs;
            end(p, end, last);
        }
        // Audio past the last frame's segment has no segment to go to.
        audioBySegment.clear();
        return segments;
    }

    /** Ends the pending segments whose audio is complete. */
    private void endSettled() {
        while (!pending.isEmpty()) {
            Pending p = pending.peekFirst();
            long end = (p.index() + 1L) * segmentMs;
            if (audio && audioHorizonMs < end) {
                return;
            }
            pending.removeFirst();
            end(p, end, false);
        }
    }

    private void end(Pending p, long endMs, boolean last) {
        AudioBuffer buffer = audioBySegment.remove(p.index());
        if (buffer != null) {
            byte[] pcm = buffer.pcm();
            sink.accept(new AudioRecord(SegmentRecord.SCHEMA, videoId, p.index(), buffer.startMs, audioWindowMs,
                    audioSampleRate, buffer.rms(), buffer.peak(), pcm == null ? 0 : AudioRecord.PCM_RATE, pcm));
        }
        sink.accept(new SegmentEnd(SegmentRecord.SCHEMA, videoId, p.index(), p.index() * segmentMs, endMs,
                p.frameCount(), p.sampledCount(), last));
        segments++;
    }

    private record Pending(int index, int frameCount, int sampledCount) {
    }

    /** Windows of one segment, growing without boxing. */
    private static final class AudioBuffer {
        final long startMs;
        float[] rms = new float[64];
        float[] peak = new float[64];
        int size;
        short[] pcm;
        int pcmSize;

        AudioBuffer(long startMs) {
            this.startMs = startMs;
        }

        void add(AudioWindow w) {
            if (size == rms.length) {
                rms = Arrays.copyOf(rms, size * 2);
                peak = Arrays.copyOf(peak, size * 2);
            }
            rms[size] = w.rmsDbfs();
            peak[size] = w.peakDbfs();
            size++;
            if (w.pcm() != null) {
                if (pcm == null) {
                    pcm = new short[w.pcm().length * 64];
                } else if (pcmSize + w.pcm().length > pcm.length) {
                    pcm = Arrays.copyOf(pcm, Math.max(pcmSize + w.pcm().length, pcm.length * 2));
                }
                System.arraycopy(w.pcm(), 0, pcm, pcmSize, w.pcm().length);
                pcmSize += w.pcm().length;
            }
        }

        /** The joined waveform as 16-bit little-endian bytes, or null when the windows carried none. */
        byte[] pcm() {
            if (pcm == null) {
                return null;
            }
            var bytes = ByteBuffer.allocate(pcmSize * 2).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asShortBuffer().put(pcm, 0, pcmSize);
            return bytes.array();
        }

        float[] rms() {
            return Arrays.copyOf(rms, size);
        }

        float[] peak() {
            return Arrays.copyOf(peak, size);
        }
    }
}
