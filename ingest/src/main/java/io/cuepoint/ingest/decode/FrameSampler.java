package io.cuepoint.ingest.decode;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.cuepoint.ingest.IngestException;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Picks the frames that carry an analysis image and hands every frame on, in decode order. A frame is
 * sampled when it is the first at or after a sampling tick ({@code sampleFps} ticks per second of media
 * time), or when it is the last frame of a segment that has a next one: that frame is the next segment's
 * lead-in, and with an image on it the analyzers of both segments see the same picture, which is what lets
 * tracks be joined across the boundary. A frame that is both is sampled once.
 *
 * <p>Whether a frame is the last of its segment is only certain once the next frame's time is known, so
 * each frame is held back until the next one is decoded (or the stream ends). This is exact for variable
 * frame rates and gaps too, where predicting from the frame rate would miss. While a frame waits without an
 * image, only a reference to its decoded picture is kept ({@code av_frame_ref}: no pixels are copied), so
 * the cost is one extra analysis image per segment. The video's last frame gets no extra image: no segment
 * follows it.
 *
 * <p>Segments are cut the way {@code Segmenter} cuts them ({@code floor(ptsMs / segmentMs)}); both must be
 * given the same segment length. Not thread-safe: use it from the decoding thread.
 */
final class FrameSampler implements AutoCloseable {
    private final double sampleFps;
    private final long segmentMs;
    private final FrameImager imager;
    private final OrderedDelivery delivery;
    private final Consumer<DecodedFrame> listener;
    /** The held frame's picture, referenced only while that frame has no image. */
    private final AVFrame heldPicture = av_frame_alloc();
    private Held held;
    private long nextTick;
    private long frames;
    private long sampled;

    /** A decoded frame waiting for the next one. {@code image} is null when it was not sampled on a tick. */
    private record Held(long index, long ptsMs, byte[] thumbnail, Mat image) {
    }

    FrameSampler(double sampleFps, long segmentMs, FrameImager imager, OrderedDelivery delivery,
                 Consumer<DecodedFrame> listener) {
        if (heldPicture == null) {
            throw IngestException.transientFailure("out of memory allocating a frame", null);
        }
        this.sampleFps = sampleFps;
        this.segmentMs = segmentMs;
        this.imager = imager;
        this.delivery = delivery;
        this.listener = listener;
    }

    /**
     * Takes the next decoded picture (valid only during this call) at a presentation time not before the
     * previous one's, and hands the previous frame on.
     */
    void accept(AVFrame picture, long ptsMs) {
        if (held != null) {
            release(Math.floorDiv(held.ptsMs(), segmentMs) != Math.floorDiv(ptsMs, segmentMs));
        }
        long tick = (long) Math.floor(ptsMs * sampleFps / 1000.0 + 1e-9);
        Mat image = null;
        if (tick >= nextTick) {
            nextTick = tick + 1;
            image = imager.analysisImage(picture);
        } else if (av_frame_ref(heldPicture, picture) < 0) {
            throw IngestException.transientFailure("out of memory referencing a decoded frame", null);
        }
        held = new Held(frames++, ptsMs, imager.thumbnail(picture), image);
    }

    /** Hands on the last frame: the end of the stream, not of a segment, so it gets no extra image. */
    void finish() {
        if (held != null) {
            release(false);
        }
    }

    /** Frames taken so far. */
    long frames() {
        return frames;
    }

    /** Frames given an analysis image so far, on a tick or as a segment's last frame. */
    long sampled() {
        return sampled;
    }

    private void release(boolean lastOfSegment) {
        Held h = held;
        held = null;
        Mat image = h.image();
        if (image == null) {
            if (lastOfSegment) {
                image = imager.analysisImage(heldPicture);
            }
            av_frame_unref(heldPicture);
        }
        if (image != null) {
            sampled++;
        }
        delivery.frame(image, jpeg -> listener.accept(new DecodedFrame(h.index(), h.ptsMs(), imager.thumbWidth(),
                imager.thumbHeight(), h.thumbnail(), jpeg, jpeg == null ? 0 : imager.analysisWidth(),
                jpeg == null ? 0 : imager.analysisHeight())));
    }

    @Override
    public void close() {
        // Only a decode that stopped early still holds a frame here.
        if (held != null && held.image() != null) {
            held.image().close();
        }
        held = null;
        av_frame_free(heldPicture);
    }
}
