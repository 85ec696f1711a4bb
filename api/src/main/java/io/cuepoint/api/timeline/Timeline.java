package io.cuepoint.api.timeline;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A video with all its events, one track per event type, each track in time order, and the tracked persons,
 * faces and objects its events name.
 *
 * @param tracks        the events grouped by type (types in name order), each group by start time
 * @param spatialTracks one entry per canonical track id of its events, by start, then id
 */
public record Timeline(VideoResource video, List<Track> tracks,
                       @Schema(description = "tracked persons, faces and objects, by start then id")
                       List<TrackResource> spatialTracks) {

    /** The events of one type, by start time. */
    public record Track(String type, List<EventResource> events) {
    }
}
