package io.cuepoint.api.eval;

import io.cuepoint.api.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * FFmpeg's scene-change score of every frame of a clip: the {@code scene} value of its {@code select}
 * filter (0 to 1, how different a frame is from the one before), which Opencast's video segmenter
 * thresholds with {@code select='gt(scene,T)'}. Measured once per clip with
 * {@code ffmpeg -i CLIP -an -vf "select='gte(scene,0)',metadata=print:file=-" -f null -}; every threshold is
 * then applied offline ({@link #detections}).
 *
 * <p>Frames are numbered by counting the filter's output, which passes every decoded frame, so the numbers
 * are the decode-order numbers the ground truth uses even where timestamps do not start at 0 (Megamind.avi's
 * first frame has pts 1) or the frame rate varies.
 *
 * @param frames the frame number of each score
 * @param ms     each frame's pts in milliseconds, as FFmpeg prints it
 * @param scores each frame's scene score (0 for the first frame)
 */
public record SceneScores(long[] frames, long[] ms, double[] scores) {
    private static final Pattern FRAME = Pattern.compile("^frame:(\\d+)\\s+pts:\\S+\\s+pts_time:(\\S+)");
    private static final String SCORE = "lavfi.scene_score=";

    /**
     * Runs FFmpeg on a clip.
     *
     * @param ffmpeg the executable, e.g. {@code ffmpeg} (looked up on the PATH)
     * @throws ApiException when FFmpeg cannot be run or fails on the clip
     */
    public static SceneScores measure(String ffmpeg, Path clip) {
        var command = List.of(ffmpeg, "-hide_banner", "-nostats", "-nostdin", "-i", clip.toString(), "-an", "-vf",
                "select='gte(scene\\,0)',metadata=print:file=-", "-f", "null", "-");
        Path log = null;
        try {
            log = Files.createTempFile("cuepoint-ffmpeg", ".log");
            var process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            SceneScores scores;
            try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                scores = parse(out.lines().toList());
            }
            int code = process.waitFor();
            if (code != 0 || scores.frames().length == 0) {
                var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                throw ApiException.badRequest("ffmpeg could not measure scene scores of " + clip + " (exit " + code
                        + "): " + (lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)));
            }
            return scores;
        } catch (IOException e) {
            throw ApiException.badRequest("cannot run " + ffmpeg + " (" + e.getMessage()
                    + "); install FFmpeg (e.g. apt-get install ffmpeg) or name it with --ffmpeg");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.badRequest("interrupted while ffmpeg measured " + clip);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // A temporary log left behind is harmless.
                }
            }
        }
    }

    /** Parses the {@code metadata=print} output: a {@code frame:N pts:P pts_time:T} line, then its keys. */
    static SceneScores parse(List<String> lines) {
        var frames = new ArrayList<long[]>();
        var scores = new ArrayList<Double>();
        long counted = 0;
        for (String line : lines) {
            var m = FRAME.matcher(line);
            if (m.find()) {
                double seconds = m.group(2).equals("NOPTS") ? Double.NaN : Double.parseDouble(m.group(2));
                frames.add(new long[] {counted++, Double.isNaN(seconds) ? -1 : Math.round(seconds * 1000)});
                scores.add(0.0);
            } else if (line.startsWith(SCORE) && !scores.isEmpty()) {
                double score = Double.parseDouble(line.substring(SCORE.length()).trim());
                scores.set(scores.size() - 1, Double.isFinite(score) ? score : 0.0);
            }
        }
        return new SceneScores(frames.stream().mapToLong(f -> f[0]).toArray(),
                frames.stream().mapToLong(f -> f[1]).toArray(), scores.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The frames whose score is above {@code threshold}: FFmpeg's scene changes at that threshold. */
    public long[] detections(double threshold) {
        var list = new ArrayList<Long>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > threshold) {
                list.add(frames[i]);
            }
        }
        return list.stream().mapToLong(Long::longValue).toArray();
    }
}
