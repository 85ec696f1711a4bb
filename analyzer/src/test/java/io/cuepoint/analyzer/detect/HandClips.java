package io.cuepoint.analyzer.detect;

import io.cuepoint.ingest.testing.TestMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Real photos with hands, and a clip made from one, for the hand detector's tests (rendered by ffmpeg under
 * {@code target/}, once).
 *
 * <p>{@code messi5.jpg} (opencv-doc, 548 x 342): the player's right hand, stretched out to the upper left,
 * spans about x 66 to 106, y 83 to 104 in source pixels, its centre at about ({@value #MESSI_HAND_X},
 * {@value #MESSI_HAND_Y}); the eye reading of its wrist is in {@code VisionTestImages}. At the full
 * frame the hand is 40 pixels wide, too small for HandTrack, which stretches every image to 320 x 320.
 */
final class HandClips {
    static final Path DIR = Path.of("target", "generated-clips");
    static final Path MESSI = TestMedia.OPENCV_DATA.resolve("messi5.jpg");
    static final double MESSI_HAND_X = 86;
    static final double MESSI_HAND_Y = 94;
    static final int MESSI_WIDTH = 548;
    static final int MESSI_HEIGHT = 342;
    /** Frames of the zoom clip, and its zoom at the first and last frame. */
    static final int ZOOM_FRAMES = 100;
    static final double ZOOM_FROM = 3;
    static final double ZOOM_TO = 4.25;
    /** The source is scaled up this much before zooming, so that ffmpeg's whole-pixel crop steps stay small. */
    private static final int UPSCALE = 4;

    private HandClips() {
    }

    /**
     * 4 s at 25 fps, 640 x 400: messi5 zoomed from {@value #ZOOM_FROM} to {@value #ZOOM_TO} times, linearly
     * by frame, the window centred on the right hand: the hand grows from about a fifth to a third of the
     * frame's width. (Below 3 times HandTrack scores the hand under 0.5, and from about 4.4 times on,
     * where the upscaled hand turns soft, too.)
     */
    static synchronized Path messiZoom() {
        var out = DIR.resolve("hand-zoom.mp4");
        if (!Files.exists(out)) {
            String zoom = ZOOM_FROM + "+" + (ZOOM_TO - ZOOM_FROM) + "*on/" + (ZOOM_FRAMES - 1);
            int w = MESSI_WIDTH * UPSCALE;
            int h = MESSI_HEIGHT * UPSCALE;
            run("-loop", "1", "-framerate", "25", "-t", "4", "-i", MESSI.toString(), "-vf",
                    "scale=" + w + ":" + h + ",zoompan=z='" + zoom + "'"
                            + ":x='" + MESSI_HAND_X * UPSCALE + "-iw/zoom/2':y='" + MESSI_HAND_Y * UPSCALE + "-ih/zoom/2'"
                            + ":d=1:s=640x400:fps=25,setsar=1",
                    "-frames:v", Integer.toString(ZOOM_FRAMES));
            rename(out);
        }
        return out;
    }

    /** The zoom at frame {@code n} of {@link #messiZoom()}. */
    static double zoomAt(long n) {
        return ZOOM_FROM + (ZOOM_TO - ZOOM_FROM) * n / (ZOOM_FRAMES - 1);
    }

    /**
     * Where the hand's centre is in frame {@code n} of the zoom clip, normalized: zoompan's window is
     * {@code 1/zoom} of the picture, placed with the hand in its middle but kept inside the picture.
     */
    static double[] handInZoomFrame(long n) {
        double zoom = zoomAt(n);
        double windowW = MESSI_WIDTH / zoom;
        double windowH = MESSI_HEIGHT / zoom;
        double left = Math.max(0, Math.min(MESSI_WIDTH - windowW, MESSI_HAND_X - windowW / 2));
        double top = Math.max(0, Math.min(MESSI_HEIGHT - windowH, MESSI_HAND_Y - windowH / 2));
        return new double[] {(MESSI_HAND_X - left) / windowW, (MESSI_HAND_Y - top) / windowH};
    }

    private static void run(String... args) {
        try {
            Files.createDirectories(DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var all = new java.util.ArrayList<>(java.util.List.of(args));
        all.addAll(java.util.List.of("-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-crf", "18",
                "-an", partial().toString()));
        TestMedia.ffmpeg(all.toArray(String[]::new));
    }

    private static Path partial() {
        return DIR.resolve("partial-hands-" + Thread.currentThread().getId() + ".mp4");
    }

    private static void rename(Path out) {
        try {
            Files.move(partial(), out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
