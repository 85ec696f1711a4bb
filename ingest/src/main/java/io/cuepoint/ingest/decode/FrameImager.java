package io.cuepoint.ingest.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FAST_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import io.cuepoint.ingest.IngestException;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns a decoded picture into the thumbnail and the analysis JPEG, in display orientation.
 *
 * <p>Why swscale rather than converting the whole frame to BGR and resizing it with OpenCV: the
 * thumbnail is made for every frame, and a full-size colour conversion of a 720p frame costs about as
 * much as decoding it. swscale converts and scales in one pass straight from the decoder's YUV planes
 * into a tiny BGR {@link Mat}, so the per-frame cost stays a fraction of the decode. OpenCV then does
 * what it is good at on the small image: {@code rotate} to display orientation and {@code imencode}.
 * Every buffer is allocated once and reused; only the arrays handed on are new.
 */
final class FrameImager implements AutoCloseable {
    private final Scaler thumb;
    private final Scaler analysis;
    private final int rotateCode;
    private final Mat rotated = new Mat();
    private final IntPointer jpegParams;
    private final BytePointer jpeg = new BytePointer();

    /**
     * @param displayWidth  display width (after sample aspect ratio and rotation)
     * @param displayHeight display height
     * @param rotation      clockwise rotation in degrees to apply to the coded picture
     */
    FrameImager(int displayWidth, int displayHeight, int rotation, int thumbnailWidth, int analysisMaxSide,
                int jpegQuality) {
        int thumbHeight = Math.max(1, (int) Math.round((double) thumbnailWidth * displayHeight / displayWidth));
        double scale = Math.min(1.0, (double) analysisMaxSide / Math.max(displayWidth, displayHeight));
        int aw = Math.max(1, (int) Math.round(displayWidth * scale));
        int ah = Math.max(1, (int) Math.round(displayHeight * scale));
        boolean quarterTurn = rotation == 90 || rotation == 270;
        // The scalers work in coded orientation; rotation happens on the small result.
        this.thumb = quarterTurn ? new Scaler(thumbHeight, thumbnailWidth, SWS_FAST_BILINEAR)
                : new Scaler(thumbnailWidth, thumbHeight, SWS_FAST_BILINEAR);
        this.analysis = quarterTurn ? new Scaler(ah, aw, SWS_BILINEAR) : new Scaler(aw, ah, SWS_BILINEAR);
        this.rotateCode = switch (rotation) {
            case 90 -> ROTATE_90_CLOCKWISE;
            case 180 -> ROTATE_180;
            case 270 -> ROTATE_90_COUNTERCLOCKWISE;
            default -> -1;
        };
        this.jpegParams = new IntPointer(IMWRITE_JPEG_QUALITY, jpegQuality);
    }

    int thumbWidth() {
        return rotateCode == ROTATE_90_CLOCKWISE || rotateCode == ROTATE_90_COUNTERCLOCKWISE ? thumb.height : thumb.width;
    }

    int thumbHeight() {
        return rotateCode == ROTATE_90_CLOCKWISE || rotateCode == ROTATE_90_COUNTERCLOCKWISE ? thumb.width : thumb.height;
    }

    int analysisWidth() {
        return rotateCode == ROTATE_90_CLOCKWISE || rotateCode == ROTATE_90_COUNTERCLOCKWISE ? analysis.height : analysis.width;
    }

    int analysisHeight() {
        return rotateCode == ROTATE_90_CLOCKWISE || rotateCode == ROTATE_90_COUNTERCLOCKWISE ? analysis.width : analysis.height;
    }

    /** Packed BGR thumbnail of the picture, a new array. */
    byte[] thumbnail(AVFrame picture) {
        Mat img = oriented(thumb.scale(picture));
        byte[] out = new byte[thumbWidth() * thumbHeight() * 3];
        // Freshly allocated Mats are continuous, so one bulk copy gets the packed rows.
        img.data().get(out);
        return out;
    }

    /**
     * The analysis image in display orientation, as a new {@link Mat} the caller owns (and closes): the
     * scaler's buffer is reused by the next frame, the copy can be encoded on another thread.
     */
    Mat analysisImage(AVFrame picture) {
        return oriented(analysis.scale(picture)).clone();
    }

    /**
     * Encodes an analysis image as JPEG into a new array. Uses this imager's one output buffer, so call
     * it from one thread at a time.
     */
    byte[] encodeJpeg(Mat image) {
        if (!imencode(".jpg", image, jpeg, jpegParams)) {
            throw IngestException.transientFailure("JPEG encoding failed", null);
        }
        byte[] out = new byte[(int) jpeg.limit()];
        jpeg.position(0).get(out);
        return out;
    }

    private Mat oriented(Mat img) {
        if (rotateCode < 0) {
            return img;
        }
        rotate(img, rotated, rotateCode);
        return rotated;
    }

    @Override
    public void close() {
        thumb.close();
        analysis.close();
        rotated.close();
        jpegParams.close();
        jpeg.close();
    }

    /** One swscale conversion into a reused BGR Mat of fixed size. */
    private static final class Scaler implements AutoCloseable {
        final int width;
        final int height;
        final int flags;
        final Mat out;
        final PointerPointer<?> dst;
        final IntPointer dstStride;
        SwsContext ctx;

        Scaler(int width, int height, int flags) {
            this.width = width;
            this.height = height;
            this.flags = flags;
            this.out = new Mat(height, width, CV_8UC3);
            this.dst = new PointerPointer<>(4).put(0, out.data());
            this.dstStride = new IntPointer(4).put(0, (int) out.step());
        }

        Mat scale(AVFrame picture) {
            // Cached: a no-op unless the stream changes size or pixel format mid-way.
            ctx = sws_getCachedContext(ctx, picture.width(), picture.height(), picture.format(),
                    width, height, AV_PIX_FMT_BGR24, flags, null, null, (org.bytedeco.javacpp.DoublePointer) null);
            if (ctx == null) {
                throw IngestException.badInput("unsupported picture format " + picture.format()
                        + " (" + picture.width() + "x" + picture.height() + ")");
            }
            sws_scale(ctx, picture.data(), picture.linesize(), 0, picture.height(), dst, dstStride);
            return out;
        }

        @Override
        public void close() {
            if (ctx != null) {
                sws_freeContext(ctx);
                ctx = null;
            }
            out.close();
            dst.close();
            dstStride.close();
        }
    }
}
