package io.cuepoint.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.IngestException;
import io.cuepoint.ingest.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoDecoderTest {
    private static final IngestConfig CONFIG = IngestConfig.defaults();
    private final VideoDecoder decoder = new VideoDecoder(CONFIG);

    @TempDir
    Path dir;

    private Collected decode(Path file) {
        var c = new Collected();
        var result = decoder.decode(file, c);
        assertThat(result.frames()).isEqualTo(c.frames.size());
        return c;
    }

    @Test
    void vtestDecodesEveryFrameInOrderWithThumbnailsAndSamples() {
        var c = new Collected();
        var result = decoder.decode(TestMedia.vtest(), c);

        assertThat(result.frames()).isEqualTo(795);
        assertThat(result.corruptFrames()).isZero();
        assertThat(c.media.codedWidth()).isEqualTo(768);
        assertThat(c.media.codedHeight()).isEqualTo(576);
        assertThat(c.media.width()).isEqualTo(768);
        assertThat(c.media.hasAudio()).isFalse();
        assertThat(c.media.frameRate()).isEqualTo(10.0);
        assertThat(c.audio).isEmpty();
        for (int i = 0; i < c.frames.size(); i++) {
            var f = c.frames.get(i);
            assertThat(f.frame()).isEqualTo(i);
            if (i > 0) {
                assertThat(f.ptsMs()).isGreaterThan(c.frames.get(i - 1).ptsMs());
            }
            assertThat(f.thumbWidth()).isEqualTo(64);
            assertThat(f.thumbHeight()).isEqualTo(48);
            assertThat(f.thumbnail()).hasSize(64 * 48 * 3);
        }
        assertThat(c.frames.get(794).ptsMs()).isEqualTo(79_400);
        // 10 fps sampled at 4 fps: ticks every 250 ms, the first frame at or after each: 0,300,500,800,...
        assertThat(c.frames.stream().filter(DecodedFrame::sampled).map(DecodedFrame::ptsMs).limit(5))
                .containsExactly(0L, 300L, 500L, 800L, 1000L);
        // 318 on ticks, plus the last frames of segments 0 and 1 (29.9 s and 59.9 s are off their ticks).
        assertThat(result.sampled()).isEqualTo(320);
        assertThat(c.frames.get(299).sampled()).isTrue();
        assertThat(c.frames.get(297).sampled()).isFalse();
        assertThat(c.frames.get(794).sampled()).isFalse();
        var sample = c.frames.get(0);
        assertThat(sample.analysisWidth()).isEqualTo(640);
        assertThat(sample.analysisHeight()).isEqualTo(480);
        try (Mat jpeg = imdecode(new Mat(sample.analysisJpeg()), IMREAD_COLOR)) {
            assertThat(jpeg.cols()).isEqualTo(640);
            assertThat(jpeg.rows()).isEqualTo(480);
        }
        assertThat(result.endMs()).isEqualTo(79_500);
    }

    @Test
    void megamindHasAudioWindows() {
        var c = decode(TestMedia.megamind());

        assertThat(c.media.hasAudio()).isTrue();
        assertThat(c.media.audioSampleRate()).isEqualTo(48_000);
        assertThat(c.media.audioChannels()).isEqualTo(2);
        assertThat(c.media.audioCodec()).isEqualTo("ac3");
        assertThat(c.frames).hasSize(270);
        // 11.26 s of audio in 20 ms windows.
        assertThat(c.audio).hasSizeBetween(540, 570);
        for (int i = 1; i < c.audio.size(); i++) {
            assertThat(c.audio.get(i).startMs() - c.audio.get(i - 1).startMs()).isBetween(19L, 21L);
        }
        assertThat(c.audio).allSatisfy(w -> {
            assertThat(w.rmsDbfs()).isBetween(-120f, 0f);
            assertThat(w.peakDbfs()).isGreaterThanOrEqualTo(w.rmsDbfs());
        });
        // A film soundtrack: some windows are clearly audible.
        assertThat(c.audio.stream().filter(w -> w.rmsDbfs() > -40)).isNotEmpty();
    }

    @Test
    void eachAnalysisImageShowsItsOwnFrame() {
        // The JPEGs are encoded on another thread; each must still arrive with the frame it was made from.
        var c = decode(TestMedia.megamind());
        var sampled = c.frames.stream().filter(DecodedFrame::sampled).toList();
        assertThat(sampled).hasSizeGreaterThan(40);
        int mismatched = 0;
        for (int i = 0; i < sampled.size(); i++) {
            var own = sampled.get(i);
            var other = sampled.get((i + sampled.size() / 2) % sampled.size());
            double ownDiff = thumbnailDifference(own, own);
            double otherDiff = thumbnailDifference(own, other);
            assertThat(ownDiff).as("frame %d against its own thumbnail", own.frame()).isLessThan(12);
            if (otherDiff <= ownDiff) {
                mismatched++;
            }
        }
        assertThat(mismatched).isZero();
    }

    /** Mean absolute difference (0-255) between a frame's JPEG, shrunk to thumbnail size, and a thumbnail. */
    private static double thumbnailDifference(DecodedFrame withJpeg, DecodedFrame withThumbnail) {
        try (Mat jpeg = imdecode(new Mat(withJpeg.analysisJpeg()), IMREAD_COLOR); Mat small = new Mat();
             var size = new Size(withThumbnail.thumbWidth(), withThumbnail.thumbHeight())) {
            resize(jpeg, small, size, 0, 0, INTER_AREA);
            byte[] pixels = new byte[withThumbnail.thumbnail().length];
            small.data().get(pixels);
            long sum = 0;
            for (int i = 0; i < pixels.length; i++) {
                sum += Math.abs((pixels[i] & 0xff) - (withThumbnail.thumbnail()[i] & 0xff));
            }
            return (double) sum / pixels.length;
        }
    }

    @Test
    void variableFrameRateKeepsEachFramesPresentationTime() {
        long[] pts = {0, 40, 80, 200, 240, 600, 633, 666, 1500, 1520};
        var clip = TestMedia.generateVariableFrameRate(dir.resolve("vfr.mp4"), 160, 120, pts);

        var c = decode(clip.path());

        assertThat(c.frames).hasSize(pts.length);
        for (int i = 0; i < pts.length; i++) {
            assertThat(c.frames.get(i).ptsMs()).as("frame %d", i).isCloseTo(pts[i], org.assertj.core.data.Offset.offset(1L));
        }
    }

    @Test
    void rotationIsAppliedToDisplaySizeAndImages() {
        var clip = TestMedia.generateRotated(dir.resolve("rotated.mp4"), 320, 240, 90, 5);

        var c = decode(clip.path());

        // Independent reference: FFmpeg's own auto-rotation puts the coded top (red) on the right.
        byte[] reference = TestMedia.firstFrameAsFfmpegShowsIt(clip.path(), 240, 320);
        int right = (160 * 240 + 220) * 3;
        assertThat(reference[right + 2] & 0xff).as("ffmpeg shows red at the right").isGreaterThan(200);

        assertThat(c.media.rotation()).isEqualTo(90);
        assertThat(c.media.codedWidth()).isEqualTo(320);
        assertThat(c.media.width()).isEqualTo(240);
        assertThat(c.media.height()).isEqualTo(320);
        var f = c.frames.get(0);
        assertThat(f.thumbWidth()).isEqualTo(64);
        assertThat(f.thumbHeight()).isEqualTo(85);
        assertThat(f.analysisWidth()).isEqualTo(240);
        assertThat(f.analysisHeight()).isEqualTo(320);
        // Coded red-top/blue-bottom turned clockwise: red on the right, blue on the left.
        try (Mat img = imdecode(new Mat(f.analysisJpeg()), IMREAD_COLOR)) {
            assertThat(img.cols()).isEqualTo(240);
            var idx = (org.bytedeco.javacpp.indexer.UByteIndexer) img.createIndexer();
            assertThat(idx.get(160, 220, 2)).as("red at the right").isGreaterThan(200);
            assertThat(idx.get(160, 220, 0)).as("no blue at the right").isLessThan(60);
            assertThat(idx.get(160, 20, 0)).as("blue at the left").isGreaterThan(200);
        }
        // The thumbnail too: packed BGR, row 40, last column is red.
        int o = (40 * f.thumbWidth() + 62) * 3;
        assertThat(f.thumbnail()[o + 2] & 0xff).isGreaterThan(200);
        assertThat(f.thumbnail()[o] & 0xff).isLessThan(60);
    }

    @Test
    void nonSquarePixelsWidenTheDisplay() {
        var clip = TestMedia.generateNonSquarePixels(dir.resolve("anamorphic.mp4"), 160, 120, 2.0, 3);

        var c = decode(clip.path());

        assertThat(c.media.sampleAspectRatio()).isEqualTo(2.0);
        assertThat(c.media.width()).isEqualTo(320);
        assertThat(c.media.height()).isEqualTo(120);
        assertThat(c.frames.get(0).thumbHeight()).isEqualTo(24);
        assertThat(c.frames.get(0).analysisWidth()).isEqualTo(320);
        assertThat(c.frames.get(0).analysisHeight()).isEqualTo(120);
    }

    @Test
    void megamindBugyDecodesCompletely() {
        // In FFmpeg 8 this file decodes cleanly: its packets lack timestamps and use packed B-frames,
        // which FFmpeg repairs; best-effort timestamps still give increasing times.
        var c = new Collected();
        var result = decoder.decode(TestMedia.megamindBugy(), c);

        assertThat(result.frames()).isEqualTo(270);
        assertThat(result.corruptFrames()).isZero();
        for (int i = 1; i < c.frames.size(); i++) {
            assertThat(c.frames.get(i).ptsMs()).isGreaterThanOrEqualTo(c.frames.get(i - 1).ptsMs());
        }
        assertThat(c.frames.get(269).ptsMs()).isBetween(8_900L, 9_100L);
    }

    @Test
    void damageInsideTheStreamIsSkippedAndCounted() {
        var clip = TestMedia.generateClipWithCuts(dir.resolve("clip.mp4"), 320, 240, 10, 60, new int[]{20, 40});
        Path damaged = TestMedia.damagedCopy(clip.path(), dir.resolve("damaged.mp4"), 3000, 0.3, 0.6);

        var c = new Collected();
        var result = decoder.decode(damaged, c);

        // FFmpeg flags one picture as corrupt (skipped and counted) and drops two more on its own.
        assertThat(result.corruptFrames()).isPositive();
        assertThat(result.frames()).isBetween(50L, 59L);
        assertThat(result.frames() + result.corruptFrames()).isLessThanOrEqualTo(60);
        for (int i = 1; i < c.frames.size(); i++) {
            assertThat(c.frames.get(i).ptsMs()).isGreaterThan(c.frames.get(i - 1).ptsMs());
            assertThat(c.frames.get(i).frame()).isEqualTo(i);
        }
    }

    @Test
    void aFileCutRightAfterItsHeaderFailsWithAReason() {
        // vtest.avi's header ends at byte 4104 ("movi"); keep a little more, no whole frame.
        Path headerOnly = TestMedia.truncatedCopy(TestMedia.vtest(), dir.resolve("header.avi"), 0.0006);

        assertThatThrownBy(() -> decoder.decode(headerOnly, new Collected()))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith("cannot read header.avi: no video frame could be decoded")
                .hasMessageEndingWith("the file may be truncated or damaged");
    }

    @Test
    void truncatedAviDecodesTheFramesThatArrived() throws Exception {
        Path cut = TestMedia.truncatedCopy(TestMedia.vtest(), dir.resolve("cut.avi"), 0.5);

        var c = new Collected();
        var result = decoder.decode(cut, c);

        // The AVI index at the end is gone; FFmpeg reads the chunks in order up to the cut.
        assertThat(result.frames()).isBetween(300L, 500L);
        assertThat(c.frames).hasSize((int) result.frames());
    }

    @Test
    void truncatedMp4FailsWithAReason() {
        var clip = TestMedia.generateClipWithCuts(dir.resolve("clip.mp4"), 160, 120, 10, 20, new int[]{10});
        Path cut = TestMedia.truncatedCopy(clip.path(), dir.resolve("cut.mp4"), 0.5);

        assertThatThrownBy(() -> decoder.decode(cut, new Collected()))
                .isInstanceOf(IngestException.class)
                .hasMessage("cannot read cut.mp4: not a media file FFmpeg recognises, or it is damaged or truncated")
                .satisfies(e -> assertThat(((IngestException) e).permanent()).isTrue());
    }

    @Test
    void textFileIsNotAVideo() {
        Path text = TestMedia.textFile(dir.resolve("notes.mp4"));

        assertThatThrownBy(() -> decoder.decode(text, new Collected()))
                .isInstanceOf(IngestException.class)
                .hasMessage("cannot read notes.mp4: not a media file FFmpeg recognises, or it is damaged or truncated");
    }

    @Test
    void emptyFileIsRefused() {
        Path empty = TestMedia.emptyFile(dir.resolve("empty.mp4"));

        assertThatThrownBy(() -> decoder.decode(empty, new Collected()))
                .isInstanceOf(IngestException.class)
                .hasMessage("file is empty: empty.mp4");
    }

    @Test
    void missingFileIsRefused() {
        assertThatThrownBy(() -> decoder.decode(dir.resolve("gone.mp4"), new Collected()))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith("file not found: ");
    }

    @Test
    void audioOnlyFileIsNotAVideo() throws Exception {
        Path wav = TestMedia.generateAudioOnly(dir.resolve("talk.wav"));
        assertThat(Files.size(wav)).isPositive();

        assertThatThrownBy(() -> decoder.decode(wav, new Collected()))
                .isInstanceOf(IngestException.class)
                .hasMessage("not a video file: no video stream found in talk.wav");
    }
}
