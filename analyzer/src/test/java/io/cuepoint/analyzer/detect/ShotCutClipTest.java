package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.SegmentEnd;
import io.cuepoint.ingest.wire.SegmentRecord;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shot cuts on a real encoded clip: 160×120, 25 fps, MPEG-4, 90 frames. Ground truth: new shots
 * begin at frames 30 and 60 (1.2 s and 2.4 s); a camera flash on frames 45–46. The clip goes through
 * the encoder and decoder, so compression artefacts are part of what the detector sees.
 */
class ShotCutClipTest {
    private static final int W = 160;
    private static final int H = 120;

    @TempDir
    Path dir;

    @Test
    void findsTheCutsOfARecordedClip() throws Exception {
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
        var source = new SyntheticVideo("clip", 90, 90, Set.of(30, 60), Set.of(45), 6);
        var file = dir.resolve("clip.mp4").toString();
        try (var recorder = new FFmpegFrameRecorder(file, W, H, 0)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(25);
            recorder.setVideoQuality(4);
            recorder.start();
            var frame = new Frame(W, H, Frame.DEPTH_UBYTE, 3);
            for (int f = 0; f < 90; f++) {
                upscale(source.thumbnail(f), (ByteBuffer) frame.image[0], frame.imageStride);
                recorder.record(frame, avutilBgr24());
            }
        }

        var frames = new ArrayList<FrameRecord>();
        try (var grabber = new FFmpegFrameGrabber(file); var converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                long ptsMs = grabber.getTimestamp() / 1000;
                // The converted Mat is only valid until the next grab: copy the thumbnail out now.
                Mat mat = converter.convert(frame);
                try (var thumb = new Mat(); var size = new Size(SyntheticVideo.THUMB_W, SyntheticVideo.THUMB_H)) {
                    resize(mat, thumb, size, 0, 0, INTER_AREA);
                    var bgr = new byte[SyntheticVideo.THUMB_W * SyntheticVideo.THUMB_H * 3];
                    thumb.data().get(bgr);
                    frames.add(new FrameRecord(SegmentRecord.SCHEMA, "clip", 0, frames.size(), ptsMs, false,
                            SyntheticVideo.THUMB_W, SyntheticVideo.THUMB_H, bgr, null, 0, 0));
                }
            }
        }
        assertThat(frames).hasSize(90);
        var end = new SegmentEnd(SegmentRecord.SCHEMA, "clip", 0, 0, 3600, frames.size(), 0, true);

        var events = new ShotCutDetector(ShotCutConfig.defaults())
                .detect(new Segment(null, frames, null, end), new DetectionContext("test"));

        assertThat(events).extracting(Event::startFrame).containsExactly(30L, 60L);
        assertThat(events).extracting(Event::startMs).containsExactly(1200L, 2400L);
    }

    private static int avutilBgr24() {
        return org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
    }

    /** Nearest-neighbour upscale of a thumbnail into the recorder's frame buffer. */
    private static void upscale(byte[] thumb, ByteBuffer out, int stride) {
        for (int y = 0; y < H; y++) {
            int ty = y * SyntheticVideo.THUMB_H / H;
            for (int x = 0; x < W; x++) {
                int tx = x * SyntheticVideo.THUMB_W / W;
                for (int ch = 0; ch < 3; ch++) {
                    out.put(y * stride + x * 3 + ch, thumb[(ty * SyntheticVideo.THUMB_W + tx) * 3 + ch]);
                }
            }
        }
    }
}
