package io.cuepoint.analyzer.detect;

import io.cuepoint.ingest.testing.TestMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Clips of one real person for the presenter detector, rendered by ffmpeg from scikit-image's
 * {@code astronaut.png} (512 x 512: Eileen Collins, head and shoulders to the waist, turned to the camera)
 * under {@code target/presenter-clips}, once per build. All 25 fps, H.264.
 */
final class PresenterClips {
    static final Path ASTRONAUT = Path.of("/usr/lib/python3/dist-packages/skimage/data/astronaut.png");
    static final Path DIR = Path.of("target", "presenter-clips");

    private PresenterClips() {
    }

    /** 6 s of the still picture, 512 x 512. */
    static synchronized Path still() {
        return render("still", "scale=512:512,setsar=1", 6);
    }

    /**
     * 6 s, 640 x 512: the picture stands in a 1024 x 512 grey field and a 640-pixel window pans back and
     * forth over it (x = 192 + 192 sin(2 pi t / 3), up to 400 px/s, about two shoulder widths per second):
     * the person slides across the frame without moving a limb.
     */
    static synchronized Path panning() {
        return render("panning", "pad=1024:512:256:0:gray,format=rgb24,"
                + "crop=640:512:'192+192*sin(2*PI*t/3)':0,setsar=1", 6);
    }

    /**
     * 6 s, 512 x 512: upright for the first 3 s (frames 0-74), then turned by 0.6 rad (34 degrees)
     * clockwise from frame 75 on, as if the person leant far to one side.
     */
    static synchronized Path leaning() {
        return render("leaning", "format=rgb24,rotate='if(gte(n,75),0.6,0)':fillcolor=gray,setsar=1", 6);
    }

    /** 4 s, 960 x 320: the picture three times side by side, three faces turned to the camera. */
    static synchronized Path three() {
        return render("three", "scale=320:320,split=3[a][b][c];[a][b][c]hstack=inputs=3,setsar=1", 4);
    }

    private static Path render(String name, String filter, double seconds) {
        var out = DIR.resolve(name + ".mp4");
        if (Files.exists(out)) {
            return out;
        }
        var partial = DIR.resolve("partial-" + name + "-" + Thread.currentThread().getId() + ".mp4");
        var args = new ArrayList<>(List.of("-loop", "1", "-framerate", "25", "-t", Double.toString(seconds), "-i",
                ASTRONAUT.toString(), "-vf", filter, "-frames:v", Long.toString(Math.round(seconds * 25)),
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-crf", "20", "-an",
                partial.toString()));
        try {
            Files.createDirectories(DIR);
            TestMedia.ffmpeg(args.toArray(String[]::new));
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
