package io.cuepoint.analyzer.detect;

import io.cuepoint.ingest.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Clips with exact ground truth for the technical and camera detectors, written by the ffmpeg command
 * line under {@code target/generated-clips} (once per build; never committed). All are 640 x 360,
 * 25 fps, H.264 in MP4, so frame {@code f} starts at {@code 40 f} ms.
 *
 * <p>The camera clips move a 640 x 360 window over {@code building.jpg} of opencv-doc scaled to
 * 1920 x 1080. Cropping happens in RGB so that positions are exact pixels (a YUV 4:2:0 crop rounds them
 * to even ones). Moving the window right means the camera pans right and the content moves left.
 */
final class GeneratedClips {
    static final Path DIR = Path.of("target", "generated-clips");
    static final Path STILL = TestMedia.OPENCV_DATA.resolve("building.jpg");
    static final Path SPRITE = TestMedia.OPENCV_DATA.resolve("HappyFish.jpg");
    static final double FPS = 25;

    private GeneratedClips() {
    }

    /**
     * 4.5 s: still 0-1 s, the window moving {@code dxPerS}, {@code dyPerS} pixels per second 1-3 s
     * (frames 25-74), still from 3 s.
     */
    static synchronized Path move(String name, int dxPerS, int dyPerS) {
        String x = "640+" + dxPerS + "*min(max(t-1,0),2)";
        String y = "360+" + dyPerS + "*min(max(t-1,0),2)";
        return overStill(name, 4.5, "crop=640:360:'" + x + "':'" + y + "'");
    }

    /** 4.5 s: zoom in by 1 % of the picture per frame over frames 25-74 (1.0 to 1.5), still around it. */
    static synchronized Path zoomIn() {
        var out = DIR.resolve("zoom-in.mp4");
        if (!Files.exists(out)) {
            run("-loop", "1", "-framerate", "25", "-t", "4.5", "-i", STILL.toString(), "-vf",
                    "scale=2560:1440,zoompan=z='if(lt(on,25),1,if(lt(on,75),1+0.01*(on-25),1.5))'"
                            + ":x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2':d=1:s=640x360:fps=25,setsar=1",
                    "-frames:v", "112");
            rename(out);
        }
        return out;
    }

    /**
     * 4.5 s: still, then 1-3 s (frames 25-74) a handheld shake: the window jitters by two sines per
     * axis (4.1 and 6.7 Hz horizontally, 5.3 and 3.1 Hz vertically, 12 + 6 and 9 + 5 pixels), without
     * drifting anywhere.
     */
    static synchronized Path shake() {
        String on = "between(t,1,3)";
        String x = "640+" + on + "*(12*sin(2*PI*4.1*t)+6*sin(2*PI*6.7*t))";
        String y = "360+" + on + "*(9*sin(2*PI*5.3*t)+5*sin(2*PI*3.1*t))";
        return overStill("shake", 4.5, "crop=640:360:'" + x + "':'" + y + "'");
    }

    /**
     * 4.5 s: still, then 1-3 s (frames 25-74) handheld jitter as a head-mounted camera gives it: every frame
     * the window lands at a fresh random offset of up to 3 px each way around a fixed point (6 px at 720p),
     * with no rhythm and no drift.
     */
    static synchronized Path jitter() {
        String on = "between(t,1,3)";
        return overStill("jitter", 4.5, "crop=640:360:'640+" + on + "*3*(2*random(0)-1)':'360+" + on
                + "*3*(2*random(1)-1)'");
    }

    /** 4.5 s of a still scene with a picture 120 px wide gliding across it left to right: no camera motion. */
    static synchronized Path movingObject() {
        var out = DIR.resolve("moving-object.mp4");
        if (!Files.exists(out)) {
            run("-loop", "1", "-framerate", "25", "-t", "4.5", "-i", STILL.toString(),
                    "-loop", "1", "-framerate", "25", "-t", "4.5", "-i", SPRITE.toString(), "-filter_complex",
                    "[0]scale=640:360[bg];[1]scale=120:-2[fish];[bg][fish]overlay=x='20+110*t':y='120+30*sin(t)',setsar=1",
                    "-frames:v", "112");
            rename(out);
        }
        return out;
    }

    /**
     * 10.5 s, 320 x 180, with AAC audio. Picture: a moving test pattern 0-2 s (frames 0-49), black
     * 2-4.5 s (frames 50-112), the pattern 4.5-6 s (frames 113-149), then frame 149 held for 3 s
     * (frames 150-224, so the still picture lasts from frame 149 to 224), the pattern 9-10.5 s. Sound: a
     * 440 Hz tone 0-4 s, digital silence 4-6.5 s, white noise at amplitude 0.1 6.5-10.5 s. A keyframe every
     * second, so the held picture is re-encoded with fresh compression noise.
     */
    static synchronized Path technical() {
        var out = DIR.resolve("technical.mp4");
        if (!Files.exists(out)) {
            String pattern = "testsrc2=s=320x180:r=25:d=";
            run("-filter_complex",
                    pattern + "2[a];color=black:s=320x180:r=25:d=2.5[b];" + pattern + "1.5,"
                            + "tpad=stop_mode=clone:stop_duration=3[c];" + pattern + "1.5[d];"
                            + "[a][b][c][d]concat=n=4:v=1:a=0,format=yuv420p,setsar=1[v];"
                            + "sine=f=440:r=48000:d=4[s];anullsrc=r=48000:cl=mono,atrim=duration=2.5[q];"
                            + "anoisesrc=r=48000:a=0.1:d=4[n];[s][q][n]concat=n=3:v=0:a=1[au]",
                    "-map", "[v]", "-map", "[au]", "-g", "25", "-c:a", "aac", "-b:a", "96k");
            rename(out);
        }
        return out;
    }

    /** 20 s of 1280 x 720 at 25 fps for timing: a slow pan back and forth over the still, with AAC noise. */
    static synchronized Path hd() {
        var out = DIR.resolve("hd.mp4");
        if (!Files.exists(out)) {
            run("-loop", "1", "-framerate", "25", "-t", "20", "-i", STILL.toString(), "-f", "lavfi", "-i",
                    "anoisesrc=r=48000:a=0.05:d=20", "-vf",
                    "scale=2560:1440,format=rgb24,crop=1280:720:'640+600*sin(t/3)':'360+200*sin(t/5)',setsar=1",
                    "-frames:v", "500", "-c:a", "aac");
            rename(out);
        }
        return out;
    }

    private static Path overStill(String name, double seconds, String crop) {
        var out = DIR.resolve(name + ".mp4");
        if (!Files.exists(out)) {
            run("-loop", "1", "-framerate", "25", "-t", Double.toString(seconds), "-i", STILL.toString(), "-vf",
                    "scale=1920:1080,format=rgb24," + crop + ",setsar=1",
                    "-frames:v", Long.toString(Math.round(seconds * FPS)));
            rename(out);
        }
        return out;
    }

    /** Writes to a temporary name first, so that an interrupted build never leaves half a clip behind. */
    private static void run(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-crf", "20"));
        if (!all.contains("-c:a")) {
            all.add("-an");
        }
        all.add(partial().toString());
        try {
            Files.createDirectories(DIR);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TestMedia.ffmpeg(all.toArray(String[]::new));
    }

    private static Path partial() {
        return DIR.resolve("partial-" + Thread.currentThread().getId() + ".mp4");
    }

    private static void rename(Path out) {
        try {
            Files.move(partial(), out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
