package io.cuepoint.api.export;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.api.ApiException;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.EventQuery;
import io.cuepoint.api.store.EventRepository;
import io.cuepoint.api.store.Video;
import io.cuepoint.api.store.VideoRepository;
import io.cuepoint.api.timeline.EventResource;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A video's events as files: WebVTT chapters and metadata tracks, JSON and CSV. Blocking: call it off the event
 * loop.
 */
@Singleton
public final class ExportService {
    /** The cue length of an instant event when the frame rate is unknown: one frame at 25 fps. */
    static final long DEFAULT_FRAME_MS = 40;

    private final Database db;
    private final VideoRepository videos;
    private final EventRepository events;
    private final JsonMapper json;

    public ExportService(Database db, VideoRepository videos, EventRepository events, JsonMapper json) {
        this.db = db;
        this.videos = videos;
        this.events = events;
        this.json = json;
    }

    /** A file: its name for Content-Disposition, its type and its text. */
    public record Export(String filename, String contentType, String body) {
    }

    /** A video and its events by (start, id). */
    private record Snapshot(Video video, List<Event> events) {
    }

    /** WebVTT chapters: slides, else shots ({@link Chapters}). */
    public Export chapters(Principal principal, String videoId) {
        Snapshot s = read(principal, videoId);
        var vtt = new WebVtt();
        int n = 0;
        for (Chapters.Chapter c : Chapters.of(s.events(), end(s))) {
            vtt.cue("chapter-" + ++n, c.startMs(), c.endMs(), c.title());
        }
        return new Export(name(videoId, "chapters.vtt"), "text/vtt; charset=utf-8", vtt.toString());
    }

    /**
     * A WebVTT metadata track: one cue per event, by start, its identifier the event id and its payload the event
     * as the api serves it (JSON on one line). An instant event (end = start) gets a cue one frame long
     * (1000 / frame rate ms, rounded up; 40 ms when the frame rate is unknown), because a WebVTT cue must end
     * after it starts; the JSON keeps the true end.
     */
    public Export metadata(Principal principal, String videoId) {
        Snapshot s = read(principal, videoId);
        Double fps = s.video().frameRate();
        long frameMs = fps == null || !(fps > 0) ? DEFAULT_FRAME_MS : (long) Math.ceil(1000 / fps);
        var vtt = new WebVtt();
        for (Event e : s.events()) {
            // "-->" can only occur inside a JSON string, where > may be written as an escape.
            String payload = toJson(EventResource.of(e)).replace("-->", "--\\u003e");
            vtt.cue(e.id(), e.startMs(), Math.max(e.endMs(), e.startMs() + frameMs), payload);
        }
        return new Export(name(videoId, "metadata.vtt"), "text/vtt; charset=utf-8", vtt.toString());
    }

    /** The events by (start, id), as the api serves them. */
    public List<EventResource> events(Principal principal, String videoId) {
        return read(principal, videoId).events().stream().map(EventResource::of).toList();
    }

    /** The events as CSV ({@link EventCsv}). */
    public Export csv(Principal principal, String videoId) {
        return new Export(name(videoId, "events.csv"), "text/csv; charset=utf-8; header=present",
                EventCsv.write(events(principal, videoId), json));
    }

    /** The file name for one export of a video: the id with anything unusual replaced. */
    public static String name(String videoId, String suffix) {
        return videoId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + suffix;
    }

    private Snapshot read(Principal principal, String videoId) {
        return db.read("exporting events", c -> {
            Video video = videos.find(c, videoId)
                    .filter(v -> principal.sees(v.tenantId(), v.courseId()))
                    .orElseThrow(() -> ApiException.notFound("no video " + videoId));
            return new Snapshot(video, events.query(c, new EventQuery(videoId, List.of(), null, null, null, null,
                    null, null, Integer.MAX_VALUE)));
        });
    }

    /** Where the video ends: its duration, or the end of its last event while the duration is unknown. */
    private static long end(Snapshot s) {
        long last = s.events().stream().mapToLong(Event::endMs).max().orElse(0);
        return s.video().durationMs() != null && s.video().durationMs() > 0 ? s.video().durationMs() : last;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an event as JSON", e);
        }
    }
}
