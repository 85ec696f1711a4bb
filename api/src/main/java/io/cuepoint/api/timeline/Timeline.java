package io.cuepoint.api.timeline;

import java.util.List;

/** A video with all its events, one track per event type, each track in time order. */
public record Timeline(VideoResource video, List<Track> tracks) {

    /** The events of one type, by start time. */
    public record Track(String type, List<EventResource> events) {
    }
}
