package io.cuepoint.api.cli;

import io.cuepoint.api.engagement.Engagement;
import io.cuepoint.api.skills.SkillsReport;
import io.cuepoint.api.timeline.EventResource;
import io.cuepoint.api.timeline.TimelineExport;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The summary lines about the speaker and the hands: speech, presenter, hands and engagement, each printed only
 * when the detectors behind it produced events.
 */
final class CueSummary {
    private CueSummary() {
    }

    static void append(StringBuilder s, TimelineExport export, long durationMs, @Nullable Engagement engagement,
                       @Nullable SkillsReport skills) {
        speech(s, export, durationMs);
        presenter(s, export, durationMs);
        if (skills != null) {
            hands(s, skills);
        }
        if (engagement != null && has(export, "speech.", "presenter.")) {
            engagement(s, engagement);
        }
    }

    /** "  speech: 72 % of the audio (00:43), 148 words per minute, 12 pauses (mean 0.8 s)". */
    private static void speech(StringBuilder s, TimelineExport export, long durationMs) {
        var active = of(export, "speech.active");
        if (active.isEmpty() && of(export, "audio.nonspeech").isEmpty()) {
            return;
        }
        long speechMs = total(active);
        double wpm = active.stream().mapToDouble(e -> (e.endMs() - e.startMs()) * number(e, "wordsPerMinute")).sum()
                / Math.max(1, speechMs);
        var pauses = of(export, "speech.pause");
        s.append(String.format(Locale.ROOT, "  speech: %.0f %% of the audio (%s), %.0f words per minute, %d pause%s%s%n",
                durationMs == 0 ? 0.0 : 100.0 * speechMs / durationMs, ProgressBar.clock(Duration.ofMillis(speechMs)),
                wpm, pauses.size(), pauses.size() == 1 ? "" : "s", pauses.isEmpty() ? "" : String.format(Locale.ROOT, " (mean %.1f s)",
                        total(pauses) / 1000.0 / pauses.size())));
    }

    /** "  presenter: in view 85 % of the time, facing the camera 60 %, gesturing 20 %". */
    private static void presenter(StringBuilder s, TimelineExport export, long durationMs) {
        if (!has(export, "presenter.") || durationMs == 0) {
            return;
        }
        s.append(String.format(Locale.ROOT, "  presenter: in view %.0f %% of the time, facing the camera %.0f %%, "
                        + "gesturing %.0f %%%n", 100.0 * total(of(export, "presenter.visible")) / durationMs,
                100.0 * total(of(export, "presenter.facing")) / durationMs,
                100.0 * total(of(export, "presenter.gesturing")) / durationMs));
    }

    /**
     * "  hands: left 6 movements, path 1.20, idle 40 %; right 8 movements, path 1.90, idle 35 % (from pose)": the
     * numbers {@code GET /videos/{id}/skills} serves.
     */
    private static void hands(StringBuilder s, SkillsReport skills) {
        if (skills.hands().isEmpty()) {
            return;
        }
        var parts = skills.hands().entrySet().stream().map(h -> {
            var hand = h.getValue();
            return String.format(Locale.ROOT, "%s %d movement%s, path %.2f, idle %s", h.getKey(),
                    hand.movementCount(), hand.movementCount() == 1 ? "" : "s", hand.pathLength(),
                    hand.trackedMs() == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100.0 * hand.idleShare()));
        }).collect(Collectors.joining("; "));
        String sources = skills.segments().stream().map(SkillsReport.SegmentSkills::source).distinct()
                .collect(Collectors.joining(", "));
        s.append(String.format(Locale.ROOT, "  hands: %s%s%n", parts, sources.isEmpty() ? "" : " (from " + sources + ")"));
    }

    /** "  engagement: mean 0.62 over 6 windows of 10 s; flags: no-visual-change 00:00-07:10". */
    private static void engagement(StringBuilder s, Engagement engagement) {
        Double mean = engagement.meanScore();
        if (mean == null) {
            return;
        }
        String flags = engagement.flags().isEmpty() ? "no flags" : "flags: " + engagement.flags().stream()
                .map(f -> f.code() + " " + ProgressBar.clock(Duration.ofMillis(f.startMs())) + "-"
                        + ProgressBar.clock(Duration.ofMillis(f.endMs()))).collect(Collectors.joining(", "));
        s.append(String.format(Locale.ROOT, "  engagement: mean %.2f over %d windows of %d s; %s%n", mean,
                engagement.windows().size(), engagement.windowMs() / 1000, flags));
    }

    private static boolean has(TimelineExport export, String... prefixes) {
        return export.events().stream().anyMatch(e -> List.of(prefixes).stream().anyMatch(e.type()::startsWith));
    }

    private static List<EventResource> of(TimelineExport export, String type) {
        return export.events().stream().filter(e -> e.type().equals(type)).toList();
    }

    private static long total(List<EventResource> events) {
        return events.stream().mapToLong(e -> e.endMs() - e.startMs()).sum();
    }

    private static double number(EventResource e, String name) {
        Object v = e.attributes() == null ? null : e.attributes().get(name);
        return v instanceof Number n ? n.doubleValue() : 0;
    }
}
