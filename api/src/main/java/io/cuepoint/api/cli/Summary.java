package io.cuepoint.api.cli;

import io.cuepoint.api.engagement.Engagement;
import io.cuepoint.api.skills.SkillsReport;
import io.cuepoint.api.timeline.TimelineExport;
import io.micronaut.core.annotation.Nullable;
import io.cuepoint.api.timeline.TrackResource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

/** The few lines printed after an analysis: how long, how fast, and the headline counts. */
final class Summary {
    private Summary() {
    }

    static String of(TimelineExport export, Duration took, Duration startup, Path output) {
        return of(export, took, startup, output, null, null);
    }

    /**
     * The summary, with the engagement line when {@code engagement} is given and the video has speech or presenter,
     * and the hands line when {@code skills} has tracked hands.
     */
    static String of(TimelineExport export, Duration took, Duration startup, Path output,
                     @Nullable Engagement engagement, @Nullable SkillsReport skills) {
        var video = export.video();
        long durationMs = video.media() != null && video.media().durationMs() != null ? video.media().durationMs() : 0;
        long cuts = export.events().stream().filter(e -> e.type().equals("shot.cut")).count();
        long activeMs = export.events().stream().filter(e -> e.type().equals("motion.active"))
                .mapToLong(e -> e.endMs() - e.startMs()).sum();
        var s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s: %s of video analysed in %.1f s (%.1fx real time; start-up %.1f s)%n",
                video.filename(), ProgressBar.clock(Duration.ofMillis(durationMs)), took.toMillis() / 1000.0,
                took.toMillis() == 0 ? 0 : durationMs / (double) took.toMillis(), startup.toMillis() / 1000.0));
        if (video.media() != null) {
            s.append(String.format(Locale.ROOT, "  video: %sx%s, %.2f fps, %s%s%n", video.media().width(),
                    video.media().height(), video.media().frameRate() == null ? 0 : video.media().frameRate(),
                    video.media().videoCodec(), Boolean.TRUE.equals(video.media().hasAudio())
                            ? ", audio " + video.media().audioCodec() : ", no audio"));
        }
        long transitions = count(export, "shot.transition");
        s.append(String.format(Locale.ROOT, "  shots: %d (%d cuts, %d gradual transitions)%n",
                cuts + transitions + (durationMs > 0 ? 1 : 0), cuts, transitions));
        var slides = export.events().stream().filter(e -> e.type().equals("slide.shown")).toList();
        if (!slides.isEmpty()) {
            long distinct = slides.stream().map(e -> e.attributes() == null ? null : e.attributes().get("slideNumber"))
                    .filter(java.util.Objects::nonNull).distinct().count();
            s.append(String.format(Locale.ROOT, "  slides: %d shown, %d distinct%n", slides.size(), distinct));
        }
        appendDurations(s, export, "technical", List.of("tech.black", "tech.frozen", "audio.silence"));
        appendDurations(s, export, "camera", List.of("camera.pan", "camera.tilt", "camera.zoom", "camera.shake"));
        s.append(String.format(Locale.ROOT, "  active time: %s of %s (%.0f %%)%n",
                ProgressBar.clock(Duration.ofMillis(activeMs)), ProgressBar.clock(Duration.ofMillis(durationMs)),
                durationMs == 0 ? 0.0 : 100.0 * activeMs / durationMs));
        CueSummary.append(s, export, durationMs, engagement, skills);
        var tracks = export.spatialTracks();
        if (!tracks.isEmpty()) {
            s.append(String.format(Locale.ROOT, "  tracks: %s%n", trackCounts(tracks)));
        }
        s.append(String.format(Locale.ROOT, "  events: %d", export.events().size()));
        if (video.counts().corruptFrames() > 0) {
            s.append(String.format(Locale.ROOT, "; corrupt frames skipped: %d", video.counts().corruptFrames()));
        }
        s.append(String.format(Locale.ROOT, "%n  timeline: %s%n", output));
        return s.toString();
    }

    private static long count(TimelineExport export, String type) {
        return export.events().stream().filter(e -> e.type().equals(type)).count();
    }

    /** "  camera: pan 00:12 (3), zoom 00:04 (1)": total time and count per type, for the types present. */
    private static void appendDurations(StringBuilder s, TimelineExport export, String label, List<String> types) {
        var parts = new ArrayList<String>();
        for (String type : types) {
            var events = export.events().stream().filter(e -> e.type().equals(type)).toList();
            if (!events.isEmpty()) {
                long ms = events.stream().mapToLong(e -> e.endMs() - e.startMs()).sum();
                parts.add(String.format(Locale.ROOT, "%s %s (%d)", type.substring(type.indexOf('.') + 1),
                        ProgressBar.clock(Duration.ofMillis(ms)), events.size()));
            }
        }
        if (!parts.isEmpty()) {
            s.append(String.format(Locale.ROOT, "  %s: %s%n", label, String.join(", ", parts)));
        }
    }

    /** "3 person, 1 face, 2 object (book, cup)": how many tracks of each kind, with the objects' labels. */
    private static String trackCounts(List<TrackResource> tracks) {
        var byKind = new TreeMap<String, Long>();
        var labels = new TreeSet<String>();
        for (var track : tracks) {
            byKind.merge(track.kind(), 1L, Long::sum);
            if (track.kind().equals("object") && track.label() != null) {
                labels.add(track.label());
            }
        }
        var parts = new ArrayList<String>();
        byKind.forEach((kind, count) -> parts.add(count + " " + kind
                + (kind.equals("object") && !labels.isEmpty() ? " (" + String.join(", ", labels) + ")" : "")));
        return String.join(", ", parts);
    }

}
