package io.cuepoint.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.api.engagement.Engagement;
import io.cuepoint.api.skills.HandSkills;
import io.cuepoint.api.skills.SkillsReport;
import io.cuepoint.api.store.VideoStatus;
import io.cuepoint.api.timeline.EventResource;
import io.cuepoint.api.timeline.TimelineExport;
import io.cuepoint.api.timeline.VideoResource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary's lines about speech, presenter, hands and engagement: present with their events, absent without. */
class SummaryTest {
    private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void speechPresenterHandsAndEngagementLinesFollowTheirEvents() {
        var events = new ArrayList<EventResource>();
        events.add(event("speech.active", 0, 40_000, Map.of("wordsPerMinute", 150.0)));
        events.add(event("speech.active", 41_000, 51_000, Map.of("wordsPerMinute", 200.0)));
        events.add(event("speech.pause", 40_000, 41_000, Map.of("durationMs", 1000)));
        events.add(event("presenter.visible", 0, 45_000, Map.of("track", "p1")));
        events.add(event("presenter.facing", 0, 30_000, Map.of()));
        events.add(event("presenter.gesturing", 0, 6_000, Map.of()));
        var engagement = new Engagement("v", "COMPLETED", 10_000, Map.of(), List.of(
                window(0, 0.5), window(10_000, 0.7), window(20_000, null)),
                List.of(new Engagement.Flag("fast-speech", "fast", 41_000, 51_000)));

        var hands = new LinkedHashMap<String, HandSkills>();
        hands.put("left", new HandSkills(0.75, 0.15, 0.4, 0.6, 2, 5_000));
        hands.put("right", new HandSkills(0.4, 0.13, 0.3, 1 / 3.0, 1, 3_000));
        var skills = new SkillsReport("v", hands, 0.5333,
                List.of(new SkillsReport.SegmentSkills(0, 60_000, "pose", hands, 0.5333)));

        String text = Summary.of(export(events), Duration.ofSeconds(10), Duration.ofSeconds(2), Path.of("t.json"),
                engagement, skills);

        assertThat(text).contains("  speech: 83 % of the audio (00:50), 160 words per minute, 1 pause (mean 1.0 s)\n")
                .contains("  presenter: in view 75 % of the time, facing the camera 50 %, gesturing 10 %\n")
                .contains("  hands: left 2 movements, path 0.75, idle 60 %; right 1 movement, path 0.40, idle 33 % "
                        + "(from pose)\n")
                .contains("  engagement: mean 0.60 over 3 windows of 10 s; flags: fast-speech 00:41-00:51\n");
    }

    @Test
    void withoutThoseEventsTheSummaryHasNoSuchLines() {
        var engagement = new Engagement("v", "COMPLETED", 10_000, Map.of(), List.of(window(0, 0.5)), List.of());
        String text = Summary.of(export(List.of(event("shot.cut", 5_000, 5_000, Map.of()))), Duration.ofSeconds(10),
                Duration.ofSeconds(2), Path.of("t.json"), engagement, new SkillsReport("v", Map.of(), null, List.of()));
        assertThat(text).contains("shots: 2 (1 cuts").doesNotContain("speech:", "presenter:", "hands:", "engagement:");
    }

    private static Engagement.Window window(long start, Double score) {
        var c = new Engagement.Components(null, null, null, null, null, null);
        var m = new Engagement.Measures(null, null, null, null, null, null, null, null, null, null);
        return new Engagement.Window(start, start + 10_000, score, c, m);
    }

    private static TimelineExport export(List<EventResource> events) {
        var media = new VideoResource.Media(60_000L, 25.0, 640, 360, 0, "mp4", "h264", "aac", true, 1000L);
        var video = new VideoResource("v", "talk.mp4", VideoStatus.COMPLETED, 1, null, media,
                new VideoResource.Counts(1500, 0, events.size(), 2, 2), T, T, T);
        return new TimelineExport(video, events, List.of());
    }

    private static EventResource event(String type, long start, long end, Map<String, Object> attributes) {
        return new EventResource(type + start, "v", type, start, end, start / 40, end / 40, 0.9, null, null, null,
                attributes, null);
    }
}
