package io.cuepoint.api.embedded;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.store.VideoStatus;
import io.cuepoint.api.submit.VideoSubmissions;
import io.cuepoint.api.timeline.TimelineExport;
import io.cuepoint.api.timeline.TimelineService;
import io.cuepoint.api.timeline.VideoResource;
import io.cuepoint.ingest.IngestConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;

/**
 * Local files analysed on a started {@link AllInOne} without its HTTP server, one after another, each
 * waited for: what {@code cuepoint analyze} does for one file and {@code cuepoint evaluate} for a corpus.
 */
public final class LocalAnalysis {
    /** Give up when a job's progress has not moved for this long: something is wedged. */
    private static final Duration STALL_LIMIT = Duration.ofMinutes(10);
    private static final long REFRESH_MILLIS = 200;

    /** Told the job's state ({@code queued}, {@code analyzing}, …) and fraction done while it runs. */
    @FunctionalInterface
    public interface Progress {
        void update(String state, double fraction);
    }

    /**
     * How one analysis went.
     *
     * @param video  the video as it ended (completed or failed)
     * @param export its timeline, null when the analysis failed
     * @param took   from submission to the end
     */
    public record Result(VideoResource video, TimelineExport export, Duration took) {
        public boolean completed() {
            return video.status() == VideoStatus.COMPLETED;
        }
    }

    private LocalAnalysis() {
    }

    /** All-in-one options for analysing files that lie under {@code roots}, without an HTTP server. */
    public static AllInOne.Options options(Path dataDir, IngestConfig ingest, AnalyzerConfig analyzer,
                                           Collection<Path> roots) {
        var dirs = new LinkedHashSet<String>();
        roots.forEach(root -> dirs.add(root.toAbsolutePath().normalize().toString()));
        return new AllInOne.Options(dataDir, ingest, analyzer, false, Map.of(
                // No HTTP server runs in this mode; the api still refuses to start without a key.
                "cuepoint.api-keys", "local-" + UUID.randomUUID(),
                "cuepoint.allow-server-paths", true,
                "cuepoint.server-path-roots", String.join(",", dirs)));
    }

    /** Submits a file (absolute, under the options' roots) and waits until its analysis ends. */
    public static Result analyze(AllInOne cuepoint, Path file, Progress progress) throws InterruptedException {
        var timelines = cuepoint.context().getBean(TimelineService.class);
        long t0 = System.nanoTime();
        VideoResource video = cuepoint.context().getBean(VideoSubmissions.class)
                .submitPath(Principal.local(), null, file.toString());
        video = await(video.id(), timelines, progress);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        return new Result(video, video.status() == VideoStatus.COMPLETED
                ? TimelineExport.of(timelines.timeline(video.id())) : null, took);
    }

    private static VideoResource await(String id, TimelineService timelines, Progress progress)
            throws InterruptedException {
        VideoResource video = timelines.video(id);
        double lastProgress = -1;
        long lastChange = System.nanoTime();
        while (video.status() != VideoStatus.COMPLETED && video.status() != VideoStatus.FAILED) {
            progress.update(video.status().name().toLowerCase(), video.progress());
            if (video.progress() != lastProgress) {
                lastProgress = video.progress();
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > STALL_LIMIT.toNanos()) {
                throw new IllegalStateException("no progress for " + STALL_LIMIT.toMinutes()
                        + " minutes while " + video.status().name().toLowerCase() + "; see the log");
            }
            Thread.sleep(REFRESH_MILLIS);
            video = timelines.video(id);
        }
        progress.update(video.status().name().toLowerCase(), video.progress());
        return video;
    }
}
