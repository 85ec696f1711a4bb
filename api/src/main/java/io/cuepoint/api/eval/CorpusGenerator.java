package io.cuepoint.api.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Renders the evaluation corpus: lecture, shots, camera, motion and technical clips (25 fps MP4), each
 * with a {@code <name>.truth.json} whose labels are exact because the generator made every frame.
 * The same size and seed give the same clips and labels. Clips are rendered in parallel, one per core.
 */
public final class CorpusGenerator {
    private final CorpusSize size;
    private final long seed;
    private final Consumer<String> progress;
    private List<BufferedImage> colour;
    private List<BufferedImage> grey;
    private Presenter presenter;

    private CorpusGenerator(CorpusSize size, long seed, Consumer<String> progress) {
        this.size = size;
        this.seed = seed;
        this.progress = progress;
    }

    /**
     * Renders the corpus into {@code outDir} and returns its truth files, in clip order.
     *
     * @throws IllegalArgumentException when {@code outDir} cannot be created or written
     * @throws IllegalStateException    when a source image is missing (the message names the package)
     */
    public static List<Path> generate(Path outDir, CorpusSize size, long seed) throws IOException {
        return generate(outDir, size, seed, line -> { });
    }

    /** As {@link #generate(Path, CorpusSize, long)}, reporting one line per finished clip. */
    public static List<Path> generate(Path outDir, CorpusSize size, long seed, Consumer<String> progress)
            throws IOException {
        requireWritable(outDir);
        Stills.requireAll();
        return new CorpusGenerator(size, seed, progress).run(outDir);
    }

    /** A clip to render: its name, the types its truth covers, and how to draw it. */
    private record Job(String name, List<String> scored, Renderer renderer) {
    }

    @FunctionalInterface
    private interface Renderer {
        long render(Path video, ClipTruth truth, Random random) throws IOException;
    }

    private List<Path> run(Path dir) throws IOException {
        // FFmpeg's own chatter (stream summaries, encoder notes) would drown the progress lines.
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
        colour = Stills.load(Stills.COLOUR);
        grey = Stills.load(Stills.GREY);
        presenter = Presenter.load((int) Math.round(size.width() * 0.24));
        List<Job> jobs = jobs();
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            var t = new Thread(r, "cuepoint-corpus");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                Job job = jobs.get(i);
                // Each clip has its own generator: the same clip whatever the order clips finish in.
                long clipSeed = seed * 1_000_003L + i;
                futures.add(pool.submit(() -> renderClip(dir, job, clipSeed)));
            }
            List<Path> truths = new ArrayList<>();
            for (Future<Path> f : futures) {
                truths.add(f.get());
            }
            return truths;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("corpus generation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("corpus generation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Path renderClip(Path dir, Job job, long clipSeed) throws IOException {
        long t0 = System.nanoTime();
        var truth = new ClipTruth(job.name(), job.scored());
        long frames = job.renderer().render(truth.video(dir), truth, new Random(clipSeed));
        Path file = truth.write(dir, frames, seed);
        progress.accept(String.format("%-14s %6.1f s  %4d labels  rendered in %.1f s", job.name(),
                frames / (double) ClipWriter.FPS, truth.events().size(), (System.nanoTime() - t0) / 1e9));
        return file;
    }

    private List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        for (int i = 1; i <= size.lectureClips(); i++) {
            boolean pip = i % 2 == 0;
            jobs.add(new Job(String.format("lecture-%02d", i),
                    pip ? List.of("slide.shown") : List.of("slide.shown", "shot.cut", "shot.transition"),
                    // A family per clip: it keeps the clip's drawn slides.
                    (video, truth, random) -> new LectureFamily(size, presenter).render(video, truth, random, pip)));
        }
        var camera = new CameraFamily(size, colour);
        var motion = new MotionFamily(size);
        var technical = new TechnicalFamily(size, colour);
        for (int i = 1; i <= size.otherClips(); i++) {
            jobs.add(new Job(String.format("shots-%02d", i), ShotFamily.SCORED,
                    // A family per clip: it remembers the previous shot's photograph.
                    (video, truth, random) -> new ShotFamily(size, colour, grey).render(video, truth, random)));
        }
        for (int i = 1; i <= size.otherClips(); i++) {
            jobs.add(new Job(String.format("camera-%02d", i), CameraFamily.SCORED, camera::render));
        }
        for (int i = 1; i <= size.otherClips(); i++) {
            jobs.add(new Job(String.format("motion-%02d", i), MotionFamily.SCORED, motion::render));
        }
        for (int i = 1; i <= size.otherClips(); i++) {
            jobs.add(new Job(String.format("technical-%02d", i), TechnicalFamily.SCORED, technical::render));
        }
        return jobs;
    }

    /** A bad {@code --out} is the user's to fix: an argument error, not a failure with a stack trace. */
    private static void requireWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".corpus", ".probe");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("corpus output directory " + dir + " is not writable ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }
}
