package io.cuepoint.api.eval;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Encodes one corpus clip: constant 25 fps MP4, H.264 (OpenH264, the encoder in JavaCV's FFmpeg build)
 * or, where that is missing, MPEG-4 part 2 at high quality; optionally a mono AAC track at 48 kHz.
 * Frames are numbered as they are written, which is how the ground truth counts them.
 */
final class ClipWriter implements AutoCloseable {
    static final int FPS = 25;
    static final int SAMPLE_RATE = 48_000;
    /** Audio samples per video frame: silence boundaries fall on frame boundaries. */
    static final int SAMPLES_PER_FRAME = SAMPLE_RATE / FPS;

    private final Path file;
    private final FFmpegFrameRecorder recorder;
    private final Frame frame;
    private final byte[] row;
    private long frames;

    ClipWriter(Path file, int width, int height, boolean audio) throws IOException {
        this.file = file;
        recorder = new FFmpegFrameRecorder(file.toFile(), width, height, audio ? 1 : 0);
        recorder.setFormat("mp4");
        recorder.setFrameRate(FPS);
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setGopSize(FPS * 10);
        if (avcodec.avcodec_find_encoder_by_name("libopenh264") != null) {
            recorder.setVideoCodecName("libopenh264");
            // Generous bitrate: the ground truth is about the pictures, not about compression damage.
            recorder.setVideoBitrate((int) (width * (long) height * FPS * 0.35));
        } else {
            recorder.setVideoCodec(AV_CODEC_ID_MPEG4);
            recorder.setVideoQuality(2);
        }
        if (audio) {
            recorder.setAudioCodec(AV_CODEC_ID_AAC);
            recorder.setSampleRate(SAMPLE_RATE);
            recorder.setAudioBitrate(128_000);
        }
        frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        row = new byte[width * 3];
        try {
            recorder.start();
        } catch (FrameRecorder.Exception e) {
            recorder.close();
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends one video frame. */
    void video(Canvas canvas) throws IOException {
        int width = canvas.width();
        int[] px = canvas.pixels();
        ByteBuffer buf = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        for (int y = 0; y < canvas.height(); y++) {
            int o = y * width;
            for (int x = 0, j = 0; x < width; x++) {
                int p = px[o + x];
                row[j++] = (byte) p;
                row[j++] = (byte) (p >> 8);
                row[j++] = (byte) (p >> 16);
            }
            buf.position(y * stride);
            buf.put(row);
        }
        buf.rewind();
        try {
            recorder.record(frame);
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot encode frame " + frames + " of " + file + ": " + e.getMessage(), e);
        }
        frames++;
    }

    /** Appends mono 16-bit samples at {@link #SAMPLE_RATE}. */
    void audio(short[] samples) throws IOException {
        try {
            recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(samples));
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot encode audio of " + file + ": " + e.getMessage(), e);
        }
    }

    long frames() {
        return frames;
    }

    @Override
    public void close() throws IOException {
        try {
            recorder.stop();
            recorder.release();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot finish " + file + ": " + e.getMessage(), e);
        } finally {
            frame.close();
        }
    }
}
