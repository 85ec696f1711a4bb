package io.cuepoint.analyzer.detect;

import io.cuepoint.ingest.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Clips with gradual transitions, cuts, flashes and fast pans, rendered by {@code /usr/bin/ffmpeg} from real
 * photographs (opencv-doc samples, scikit-image's astronaut) into {@code target/shot-clips}, 640 x 360,
 * 25 fps, H.264. Every shot pans slowly (8 px/s) so that no shot is a frozen picture.
 *
 * <p>Ground truth follows from the filters: {@code xfade} with offset O and duration D blends the frames
 * strictly between O and O + D (the frame at O is still all A, the one at O + D all B); {@code fade} with
 * start S and duration D changes the frames from S to S + D.
 */
final class TransitionClips {
    static final Path DIR = Path.of("target", "shot-clips");
    static final double FPS = 25;

    private TransitionClips() {
    }

    static Path image(String name) {
        var path = name.equals("astronaut.png")
                ? Path.of("/usr/lib/python3/dist-packages/skimage/data/astronaut.png")
                : TestMedia.OPENCV_DATA.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing (opencv-doc / python3-skimage)");
        }
        return path;
    }

    /**
     * 400 frames: baboon, crossfade 1 s (xfade fade, frames 51-74) to fruits, dissolve 0.6 s (xfade dissolve,
     * dithered per pixel, frames 111-124) to building, cut at frame 185 to messi, which fades to black
     * (fade out 0.8 s from its 2.2 s: frames 241-259, 260 is black), 10 black frames, astronaut fading in
     * (0.8 s: frame 270 is black, 271-289 brighten), hard cut at frame 325 to home.
     */
    static Path gradual() {
        var images = List.of("baboon.jpg", "fruits.jpg", "building.jpg", "messi5.jpg", "astronaut.png", "home.jpg");
        var filter = new StringBuilder();
        for (int i = 0; i < images.size(); i++) {
            filter.append(shot(i)).append(';');
        }
        filter.append("[s0][s1]xfade=transition=fade:duration=1:offset=2[x1];")
                .append("[x1][s2]xfade=transition=dissolve:duration=0.6:offset=4.4[x2];")
                .append("[s3]fade=t=out:st=2.2:d=0.8[f3];")
                .append("color=black:s=640x360:r=25:d=0.4,format=yuv420p[black];")
                .append("[s4]fade=t=in:st=0:d=0.8,trim=duration=2.2[f4];")
                .append("[x2][f3][black][f4][s5]concat=n=5:v=1:a=0[out]");
        return render("gradual.mp4", images, filter.toString());
    }

    /** Shot {@code i}: input {@code i} as 3 s of 640 x 360 panning slowly. */
    private static String shot(int i) {
        return "[" + i + ":v]scale=704:396,setsar=1,fps=25,crop=640:360:'8*t':'4*t',format=yuv420p,"
                + "trim=duration=3,setpts=PTS-STARTPTS[s" + i + "]";
    }

    /**
     * Fruits for 2 s; cut at frame 50 to a fast pan over the astronaut (48 px per frame, 2 s); cut at frame
     * 100 to the baboon with a two-frame camera flash at frames 130-131; cut at frame 175 to a fast diagonal
     * pan over the building (2 s), ending at frame 225.
     */
    static Path panAndFlash() {
        var images = List.of("fruits.jpg", "astronaut.png", "baboon.jpg", "building.jpg");
        String filter = "[0:v]scale=704:396,setsar=1,fps=25,crop=640:360:'8*t':'4*t',format=yuv420p,"
                + "trim=duration=2,setpts=PTS-STARTPTS[a];"
                + "[1:v]scale=2560:1440,setsar=1,fps=25,crop=640:360:'1200*t':'100*t',format=yuv420p,"
                + "trim=duration=2,setpts=PTS-STARTPTS[b];"
                + "[2:v]scale=704:396,setsar=1,fps=25,crop=640:360:'8*t':'4*t',"
                + "drawbox=x=0:y=0:w=iw:h=ih:color=white@0.75:t=fill:enable='between(n,30,31)',format=yuv420p,"
                + "trim=duration=3,setpts=PTS-STARTPTS[c];"
                + "[3:v]scale=1920:1080,setsar=1,fps=25,crop=640:360:'600*t':'300*t',format=yuv420p,"
                + "trim=duration=2,setpts=PTS-STARTPTS[d];"
                + "[a][b][c][d]concat=n=4:v=1:a=0[out]";
        return render("pan-flash.mp4", images, filter);
    }

    /** 5 s of a slow diagonal pan over the blurred astronaut: smooth motion, no transition, no cut. */
    static Path slowBlurredPan() {
        String filter = "[0:v]gblur=sigma=12,scale=1280:1280,setsar=1,fps=25,"
                + "crop=800:450:'60*t':'40*t',scale=640:360,format=yuv420p,"
                + "trim=duration=5,setpts=PTS-STARTPTS[out]";
        return render("slow-pan.mp4", List.of("astronaut.png"), filter);
    }

    /**
     * 3 s of one shot with a whip pan: the camera drifts over the fruits, swings 640 px in 0.5 s (eased start
     * and stop, up to 63 px a frame) to the baboon hanging beside them, and drifts on.
     */
    static Path whipPan() {
        String filter = "[0:v]scale=704:396,setsar=1[l];[1:v]scale=704:396,setsar=1[r];[l][r]hstack,fps=25,"
                + "crop=640:360:'20+4*t+320*(1-cos(PI*clip((t-1)/0.5,0,1)))':'10+4*t',format=yuv420p,"
                + "trim=duration=3,setpts=PTS-STARTPTS[out]";
        return render("whip-pan.mp4", List.of("fruits.jpg", "baboon.jpg"), filter);
    }

    private static synchronized Path render(String name, List<String> images, String filter) {
        var out = DIR.resolve(name);
        if (Files.isRegularFile(out)) {
            return out;
        }
        var command = new ArrayList<>(List.of("/usr/bin/ffmpeg", "-y", "-loglevel", "error"));
        for (String image : images) {
            command.addAll(List.of("-loop", "1", "-framerate", "25", "-t", "5", "-i", image(image).toString()));
        }
        var partial = DIR.resolve(name + ".part.mp4");
        command.addAll(List.of("-filter_complex", filter, "-map", "[out]", "-r", "25", "-c:v", "libx264",
                "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", partial.toString()));
        try {
            Files.createDirectories(DIR);
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var log = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed for " + name + ": " + log);
            }
            Files.move(partial, out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run /usr/bin/ffmpeg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
