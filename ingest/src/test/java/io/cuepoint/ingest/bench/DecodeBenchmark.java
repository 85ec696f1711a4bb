package io.cuepoint.ingest.bench;

import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.decode.DecodeListener;
import io.cuepoint.ingest.decode.DecodedFrame;
import io.cuepoint.ingest.decode.VideoDecoder;
import io.cuepoint.ingest.testing.TestMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Compares ingest's decode throughput with the FFmpeg command line on a 720p H.264 file. Not a unit test:
 * run it by hand, ideally on an otherwise idle machine.
 *
 * <pre>
 * mvn -q -o -pl ingest test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/test-classpath.txt
 * cd ingest &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     io.cuepoint.ingest.bench.DecodeBenchmark [FILE]
 * </pre>
 *
 * Without an argument it generates 30 s of 1280x720 30 fps H.264 (ffmpeg testsrc2) in the temp directory.
 * Each contender runs {@value #ROUNDS} times, interleaved, after one warm-up; the median counts. Wall time
 * is what the target is about; CPU time is printed too, because on a shared machine it is the steadier
 * measure of the work each one does.
 */
public final class DecodeBenchmark {
    private static final int ROUNDS = 5;
    private static final int THREADS = 2;

    private DecodeBenchmark() {
    }

    public static void main(String[] args) {
        Path file = args.length > 0 ? Path.of(args[0]) : generate();
        var two = new VideoDecoder(new IngestConfig(30_000, 4.0, 640, 64, 85, 20, THREADS, 500));
        var auto = new VideoDecoder(IngestConfig.defaults());
        long frames = ingest(two, file);
        System.out.printf(Locale.ROOT, "file %s: %d frames, %s%n", file, frames, two.probe(file));
        // Warm-up: JIT, native library loading, page cache.
        ingest(auto, file);
        decodeOnly(file);
        ffmpeg(file);

        var ff = new Sample[ROUNDS];
        var full = new Sample[ROUNDS];
        var fullAuto = new Sample[ROUNDS];
        var raw = new Sample[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            ff[r] = ffmpeg(file);
            full[r] = measure(() -> ingest(two, file));
            fullAuto[r] = measure(() -> ingest(auto, file));
            raw[r] = measure(() -> decodeOnly(file));
        }
        Sample base = Sample.median(ff);
        System.out.printf(Locale.ROOT, "load average at the end: %.2f on %d cores (other work skews wall times)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-42s %6s %7s %6s %6s %9s%n", "median of " + ROUNDS + " runs", "wall s", "fps",
                "cpu s", "ratio", "cpu ratio");
        report("ffmpeg -threads 2 -i FILE -f null -", base, base, frames);
        report("decode only (JavaCV RAW, 2 threads)", Sample.median(raw), base, frames);
        report("ingest work, 2 decoder threads", Sample.median(full), base, frames);
        report("ingest work, default config (auto threads)", Sample.median(fullAuto), base, frames);
    }

    /** Wall-clock and CPU seconds of one run. */
    private record Sample(double wall, double cpu) {
        static Sample median(Sample[] samples) {
            double[] w = Arrays.stream(samples).mapToDouble(Sample::wall).sorted().toArray();
            double[] c = Arrays.stream(samples).mapToDouble(Sample::cpu).sorted().toArray();
            return new Sample(w[w.length / 2], c[c.length / 2]);
        }
    }

    private static void report(String what, Sample s, Sample base, long frames) {
        System.out.printf(Locale.ROOT, "%-42s %6.2f %7.1f %6.2f %6.2f %9.2f%n", what, s.wall(), frames / s.wall(),
                s.cpu(), base.wall() / s.wall(), base.cpu() / s.cpu());
    }

    private static Path generate() {
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "cuepoint-bench-720p.mp4");
        if (!Files.isRegularFile(out)) {
            TestMedia.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-t", "30", "-c:v", "libx264",
                    "-preset", "veryfast", "-pix_fmt", "yuv420p", out.toString());
        }
        return out;
    }

    /** The real ingest work: a thumbnail of every frame and analysis JPEGs at 4 fps. */
    private static long ingest(VideoDecoder decoder, Path file) {
        long[] count = {0};
        decoder.decode(file, new DecodeListener() {
            @Override
            public void onFrame(DecodedFrame frame) {
                count[0]++;
            }
        });
        return count[0];
    }

    /** Decoding alone through JavaCV, no conversion: the floor of what ingest can reach. */
    private static long decodeOnly(Path file) {
        try (var g = new FFmpegFrameGrabber(file.toFile())) {
            g.setImageMode(FrameGrabber.ImageMode.RAW);
            g.setVideoOption("threads", Integer.toString(THREADS));
            g.start();
            long n = 0;
            while (g.grabImage() != null) {
                n++;
            }
            return n;
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Sample measure(Runnable r) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long t = System.nanoTime();
        r.run();
        return new Sample((System.nanoTime() - t) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9);
    }

    /** Runs the ffmpeg command line; its CPU time comes from bash's {@code times} (children's user, system). */
    private static Sample ffmpeg(Path file) {
        try {
            long t = System.nanoTime();
            Process p = new ProcessBuilder("bash", "-c", "ffmpeg -nostdin -v error -threads " + THREADS
                    + " -i \"$0\" -f null - && times", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg failed: " + out);
            }
            double wall = (System.nanoTime() - t) / 1e9;
            String[] lines = out.strip().split("\n");
            double cpu = 0;
            for (String part : lines[lines.length - 1].trim().split("\\s+")) {
                String[] minSec = part.replace("s", "").split("m");
                cpu += Integer.parseInt(minSec[0]) * 60 + Double.parseDouble(minSec[1]);
            }
            return new Sample(wall, cpu);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
