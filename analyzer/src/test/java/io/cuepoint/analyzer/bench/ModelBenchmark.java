package io.cuepoint.analyzer.bench;

import io.cuepoint.analyzer.model.LoadedModel;
import io.cuepoint.analyzer.model.ModelConfig;
import io.cuepoint.analyzer.model.ModelRepository;
import io.cuepoint.analyzer.model.ParityFixtures;
import io.cuepoint.analyzer.model.Tensor;
import io.cuepoint.analyzer.vision.RgbImage;
import io.cuepoint.ingest.testing.TestMedia;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Load time, warm latency and peak memory of one model, in a JVM of its own (so that peak memory is that
 * model's). Not a unit test: {@code bench/model-benchmark.sh} runs it once per model and prints the table.
 *
 * <pre>
 * java -cp ... io.cuepoint.analyzer.bench.ModelBenchmark MODEL [BATCH] [RUNS]
 * </pre>
 *
 * Steps: start the engine (TensorFlow's natives already unpacked); load the model into an empty import
 * cache (import + load: "cold"); load it again from that cache in a second repository ("cached"); run it
 * {@value #WARMUP} times unmeasured, then RUNS times (default 50) on the astronaut image of the parity
 * fixtures (the emotion model: the fixtures' face crops, repeated to fill the batch; handtrack: messi5.jpg,
 * 548 x 342, as it is). Prints one
 * tab-separated line: model, batch, engine start ms, cold load ms, cached load ms, median ms, p90 ms, ms per
 * item at the median, process CPU ms per run (steadier than wall time on a shared machine), peak resident
 * memory MiB (VmHWM).
 */
public final class ModelBenchmark {
    private static final int WARMUP = 5;

    private ModelBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        var name = args[0];
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        var cache = Files.createTempDirectory("cuepoint-bench-cache");
        try {
            var env = new HashMap<>(System.getenv());
            env.put(ModelConfig.MODEL_CACHE, cache.toString());
            var config = ModelConfig.fromEnvironment(env);

            long t0 = System.nanoTime();
            var cold = new ModelRepository(config);
            cold.usesGpu();
            long engine = System.nanoTime() - t0;
            t0 = System.nanoTime();
            cold.load(name).close();
            long coldLoad = System.nanoTime() - t0;
            t0 = System.nanoTime();
            try (var model = new ModelRepository(config).load(name)) {
                long cachedLoad = System.nanoTime() - t0;
                var timing = time(model, input(name, batch), runs);
                double[] ms = timing.wallMs();
                Arrays.sort(ms);
                double median = ms[ms.length / 2];
                double p90 = ms[(int) Math.ceil(0.9 * ms.length) - 1];
                System.out.printf(Locale.ROOT, "%s\t%d\t%d\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.0f%n", name, batch,
                        engine / 1_000_000, coldLoad / 1_000_000, cachedLoad / 1_000_000, median, p90, median / batch,
                        timing.cpuMs() / runs, peakResidentMiB());
            }
        } finally {
            try (var paths = Files.walk(cache)) {
                for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Wall milliseconds of each measured run, and the process CPU milliseconds of all of them. */
    private record Timing(double[] wallMs, double cpuMs) {
    }

    private static Timing time(LoadedModel model, Map<String, Tensor> input, int runs) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var ms = new double[runs];
        try (var session = model.newSession()) {
            for (int i = 0; i < WARMUP; i++) {
                session.run(input);
            }
            long cpu = os.getProcessCpuTime();
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                session.run(input);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            return new Timing(ms, (os.getProcessCpuTime() - cpu) / 1e6);
        }
    }

    /** A real image as the model takes it, repeated to {@code batch} items. */
    private static Map<String, Tensor> input(String name, int batch) throws IOException {
        if (!name.equals("emotion") && batch != 1) {
            throw new IllegalArgumentException(name + " takes a batch of 1");
        }
        if (name.equals("handtrack")) {
            // No parity fixture: a real photo of about an analysis image's size (640 px long side), fed as
            // the hand detector feeds it (the model resizes inside).
            var image = RgbImage.decode(Files.readAllBytes(TestMedia.OPENCV_DATA.resolve("messi5.jpg")));
            return Map.of("input_tensor:0", Tensor.ofBytes(image.rgb(), 1, image.height(), image.width(), 3));
        }
        if (!name.equals("emotion")) {
            var fixture = ParityFixtures.read(name, "astronaut");
            return Map.of(fixture.get("input").get("name").asText(), ParityFixtures.input(fixture));
        }
        String[] faces = {"astronaut-face", "megamind-face", "messi5-face", "basketball1-face"};
        var data = new float[batch * 64 * 64];
        for (int i = 0; i < batch; i++) {
            var face = ParityFixtures.input(ParityFixtures.read(name, faces[i % faces.length])).floats();
            System.arraycopy(face, 0, data, i * face.length, face.length);
        }
        return Map.of("input_1:0", Tensor.ofFloats(data, batch, 64, 64, 1));
    }

    /** Peak resident set size of this process (VmHWM), MiB. */
    private static double peakResidentMiB() throws IOException {
        for (var line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
