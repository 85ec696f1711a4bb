package io.cuepoint.api.timeline;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A {@link Timeline} whose events are their stored JSON, written into the response as it is: the same document,
 * without parsing and serializing a thousand events again per request.
 */
@Schema(implementation = Timeline.class)
public record TimelineJson(VideoResource video, List<Track> tracks, List<TrackResource> spatialTracks) {

    /** The events of one type, by start time. */
    public record Track(String type, List<EventJsonResource> events) {
    }
}
