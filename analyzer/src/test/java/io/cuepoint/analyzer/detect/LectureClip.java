package io.cuepoint.analyzer.detect;

import io.cuepoint.ingest.testing.TestMedia;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A generated screen recording of a lecture with exact ground truth: 640 x 360, 25 fps, H.264, 575 frames
 * (23 s). Slides rendered with Java2D on one template (white page, blue title band):
 * <pre>
 *   frames   0- 99  slide 1  title slide
 *   frames 100-274  slide 2  title + bullets: bullet 1 at 100, builds at 150 and 200 (buildCount 2);
 *                            a red dot moves across the page the whole time (an animation)
 *   frames 275-399  slide 3  a diagram with a progress bar that grows every frame
 *   frames 400-474  slide 2  again, fully built (a return)
 *   frames 475-574  slide 4  a chart; one build (a fourth bar) at 525
 * </pre>
 * With {@code pip} a presenter plays picture-in-picture in the bottom-right corner (160 x 117, a quarter
 * of the width): the frames of opencv-doc's Megamind.avi from its frame 30 on, looping, so the corner cuts
 * at about clip frames 69, 125, 171, 240, 339, 395, 441 and 510, none of them a slide change.
 */
public final class LectureClip {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;
    public static final int FRAMES = 575;
    public static final double FPS = 25;
    /** First frame of every slide shown, in order. */
    public static final int[] STARTS = {0, 100, 275, 400, 475};
    /** Slide identity of each slide shown. */
    public static final int[] SLIDES = {1, 2, 3, 2, 4};
    /** Builds within each slide shown. */
    public static final int[] BUILDS = {0, 2, 0, 0, 1};
    private static final Color BAND = new Color(30, 70, 150);

    private LectureClip() {
    }

    /** Writes the clip; with {@code pip}, the presenter corner from Megamind.avi. */
    public static Path write(Path out, boolean pip) {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        var presenter = pip ? presenterFrames() : List.<BufferedImage>of();
        try (var recorder = new FFmpegFrameRecorder(out.toFile(), WIDTH, HEIGHT, 0);
             var converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setVideoOption("preset", "ultrafast");
            recorder.setVideoOption("crf", "20");
            recorder.start();
            var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
            for (int f = 0; f < FRAMES; f++) {
                render(image, f);
                if (pip) {
                    var g = image.createGraphics();
                    g.drawImage(presenter.get((f + 30) % presenter.size()), WIDTH - 160, HEIGHT - 117, null);
                    g.dispose();
                }
                Frame frame = converter.convert(image);
                recorder.record(frame);
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("cannot write " + out, e);
        }
        return out;
    }

    /** Which slide shown (index into {@link #STARTS}) a frame belongs to. */
    public static int shownAt(int frame) {
        int k = 0;
        while (k + 1 < STARTS.length && STARTS[k + 1] <= frame) {
            k++;
        }
        return k;
    }

    static void render(BufferedImage image, int f) {
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(BAND);
        g.fillRect(0, 0, WIDTH, 56);
        int shown = shownAt(f);
        switch (SLIDES[shown]) {
            case 1 -> titleSlide(g);
            case 2 -> bulletSlide(g, shown == 1 ? 1 + (f >= 150 ? 1 : 0) + (f >= 200 ? 1 : 0) : 3,
                    shown == 1 ? f - 100 : -1);
            case 3 -> diagramSlide(g, f - 275);
            default -> chartSlide(g, f >= 525 ? 4 : 3);
        }
        g.setColor(Color.GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("Cuepoint lecture series", 12, HEIGHT - 10);
        g.dispose();
    }

    private static void title(Graphics2D g, String text) {
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString(text, 20, 39);
    }

    private static void titleSlide(Graphics2D g) {
        title(g, "Lecture 7");
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("Measuring attention", 80, 160);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        g.drawString("in recorded lectures and skills videos", 80, 200);
        g.drawString("Dr. A. Example, 2024", 80, 240);
    }

    private static final String[] BULLETS = {
            "Students watch recordings at 1.5x speed", "Slides change every 40 seconds on average",
            "Attention drops after 10 minutes"};

    private static void bulletSlide(Graphics2D g, int bullets, int animationFrame) {
        title(g, "Why measure attention?");
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        for (int i = 0; i < bullets; i++) {
            g.fillOval(30, 95 + 50 * i, 9, 9);
            g.drawString(BULLETS[i], 50, 105 + 50 * i);
        }
        if (animationFrame >= 0) {
            // A small dot travelling along the page: an animation, not a build.
            g.setColor(Color.RED);
            g.fillOval(40 + (animationFrame * 3) % 380, 262, 14, 14);
        }
    }

    private static void diagramSlide(Graphics2D g, int frame) {
        title(g, "The pipeline");
        g.setStroke(new BasicStroke(3));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        String[] boxes = {"ingest", "analyze", "serve"};
        for (int i = 0; i < 3; i++) {
            int x = 40 + 170 * i;
            g.setColor(new Color(230, 140, 40));
            g.drawRect(x, 110, 120, 70);
            g.setColor(Color.BLACK);
            g.drawString(boxes[i], x + 25, 152);
            if (i < 2) {
                g.drawLine(x + 125, 145, x + 165, 145);
            }
        }
        // A progress bar that grows every frame.
        g.setColor(new Color(60, 160, 60));
        g.fillRect(40, 230, Math.min(380, 3 * frame), 12);
    }

    private static void chartSlide(Graphics2D g, int bars) {
        title(g, "Results");
        g.setColor(Color.BLACK);
        g.drawLine(60, 300, 420, 300);
        g.drawLine(60, 300, 60, 90);
        int[] heights = {80, 150, 110, 190};
        for (int i = 0; i < bars; i++) {
            g.setColor(new Color(40 + 50 * i, 90, 200 - 40 * i));
            g.fillRect(90 + 80 * i, 300 - heights[i], 50, heights[i]);
        }
    }

    /** Megamind.avi's frames scaled to 160 x 117. */
    private static List<BufferedImage> presenterFrames() {
        var frames = new ArrayList<BufferedImage>();
        try (var grabber = new FFmpegFrameGrabber(TestMedia.megamind().toFile());
             var converter = new Java2DFrameConverter()) {
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                var small = new BufferedImage(160, 117, BufferedImage.TYPE_3BYTE_BGR);
                var g = small.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(converter.convert(frame), 0, 0, 160, 117, null);
                g.dispose();
                frames.add(small);
            }
            grabber.stop();
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException("cannot read Megamind.avi", e);
        }
        return frames;
    }
}
