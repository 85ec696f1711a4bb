package io.cuepoint.api.engagement;

import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one video's engagement timeline is computed from, gathered from its stored events and prosody artifacts.
 * A part is null when the detector behind it did not run (or found nothing to say it ran): its components are
 * then null rather than 0.
 *
 * @param durationMs    the video's length
 * @param speech        its speech, or null without the speech detector's output
 * @param visualChanges media times where the picture changes (new slide, cut, start of a gradual transition),
 *                      the video's start included, in order; null for a video without picture analysis
 * @param presenter     where the presenter is seen, faces the camera and gestures; null without the presenter
 *                      detector's output (also when it ran but never saw anyone: the two cannot be told apart)
 */
record EngagementInputs(long durationMs, @Nullable SpeechTrack speech, long @Nullable [] visualChanges,
                        @Nullable PresenterTrack presenter) {
    static final String SLIDE = "slide.shown";
    static final String CUT = "shot.cut";
    static final String TRANSITION = "shot.transition";
    static final String VISIBLE = "presenter.visible";
    static final String FACING = "presenter.facing";
    static final String GESTURING = "presenter.gesturing";
    /**
     * Event types only the presenter detector emits. Pose or face events alone do not count: without the presenter
     * detector they say nothing about a presenter, and with it, anyone they see becomes the presenter.
     */
    private static final List<String> PRESENTER_PREFIXES = List.of("presenter.", "audience.");
    private static final Set<String> AUDIO_TYPES = Set.of(SpeechEvents.ACTIVE, SpeechEvents.PAUSE,
            SpeechEvents.NONSPEECH, "audio.silence");

    /** Where the presenter is seen, faces the camera and gestures. */
    record PresenterTrack(Intervals visible, Intervals facing, Intervals gesturing) {
    }

    /**
     * Gathers the inputs.
     *
     * @param knownDurationMs the container's duration, or null when not known yet
     * @param events          the video's merged events, any order
     * @param prosody         its prosody artifacts
     * @param hasPicture      whether the video has a picture (analysed frames), even without visual events
     */
    static EngagementInputs of(@Nullable Long knownDurationMs, List<Event> events, List<Artifact> prosody,
                               boolean hasPicture) {
        long duration = knownDurationMs == null ? 0 : knownDurationMs;
        for (Event e : events) {
            duration = Math.max(duration, e.endMs());
        }
        Prosody grid = prosody.isEmpty() ? null : Prosody.of(prosody);
        if (grid != null && !grid.analysed().isEmpty()) {
            var spans = grid.analysed().spans();
            duration = Math.max(duration, spans.get(spans.size() - 1)[1]);
        }
        SpeechTrack speech = grid != null ? grid : SpeechEvents.of(events, duration).orElse(null);
        return new EngagementInputs(duration, speech, visualChanges(events, hasPicture), presenter(events));
    }

    private static long[] visualChanges(List<Event> events, boolean hasPicture) {
        var changes = new TreeSet<Long>();
        boolean pictureEvents = hasPicture;
        for (Event e : events) {
            if (e.type().equals(SLIDE) || e.type().equals(CUT) || e.type().equals(TRANSITION)) {
                changes.add(e.startMs());
            }
            pictureEvents |= !AUDIO_TYPES.contains(e.type());
        }
        if (!pictureEvents) {
            return null;
        }
        // The opening picture is new to the viewer too: without it, a video's first minutes would be "static".
        changes.add(0L);
        return changes.stream().mapToLong(Long::longValue).toArray();
    }

    private static PresenterTrack presenter(List<Event> events) {
        boolean seen = false;
        var visible = new ArrayList<long[]>();
        var facing = new ArrayList<long[]>();
        var gesturing = new ArrayList<long[]>();
        for (Event e : events) {
            seen |= PRESENTER_PREFIXES.stream().anyMatch(e.type()::startsWith);
            long[] span = {e.startMs(), e.endMs()};
            switch (e.type()) {
                case VISIBLE -> visible.add(span);
                case FACING -> facing.add(span);
                case GESTURING -> gesturing.add(span);
                default -> { }
            }
        }
        if (!seen) {
            return null;
        }
        var inView = Intervals.of(visible);
        // Facing and gesturing count only while the presenter is in view, whatever the detector's edges.
        return new PresenterTrack(inView, Intervals.of(facing).intersect(inView),
                Intervals.of(gesturing).intersect(inView));
    }
}
