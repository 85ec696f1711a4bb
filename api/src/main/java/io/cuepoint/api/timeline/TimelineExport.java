package io.cuepoint.api.timeline;

import java.util.Comparator;
import java.util.List;

/**
 * A video's timeline as one flat document: the video's metadata, every event in time order (by
 * start, then type, then id), in the event shape of the api, and the tracked persons, faces and objects. This
 * is what {@code cuepoint analyze} writes.
 */
public record TimelineExport(VideoResource video, List<EventResource> events, List<TrackResource> spatialTracks) {
    private static final Comparator<EventResource> TIME_ORDER = Comparator.comparingLong(EventResource::startMs)
            .thenComparing(EventResource::type).thenComparing(EventResource::id);

    public static TimelineExport of(Timeline timeline) {
        return new TimelineExport(timeline.video(), timeline.tracks().stream()
                .flatMap(track -> track.events().stream()).sorted(TIME_ORDER).toList(), timeline.spatialTracks());
    }
}
