package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.track.Detection;
import io.cuepoint.analyzer.track.Tracker;
import io.cuepoint.analyzer.track.TrackerConfig;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tracks of one kind of thing within one segment: runs a {@link Tracker} over the samples in time
 * order and names each track {@code <kind>-s<segment>-<n>}, n counting from 1 in order of first
 * appearance. Detections the tracker has not (yet) put on a confirmed track are dropped.
 *
 * @param <T> what a detector knows about one detection (a pose, a face, an object)
 */
final class SegmentTracks<T> {
    private final String kind;
    private final int segment;
    private final Tracker tracker = new Tracker(TrackerConfig.defaults());
    private final Map<Integer, Track<T>> byTrackerNumber = new LinkedHashMap<>();

    /** @param kind {@code person}, {@code face}, {@code object} or {@code hand} */
    SegmentTracks(String kind, int segment) {
        this.kind = kind;
        this.segment = segment;
    }

    /**
     * Feeds one sample's detections, in time order, the lead-in first.
     *
     * @param detection how to see a value as the tracker's detection
     * @return per value, the sighting it became, or null when it is on no track
     */
    List<Sighting<T>> add(FrameRecord frame, boolean leadIn, List<T> values, Function<T, Detection> detection) {
        int[] numbers = tracker.update(frame.ptsMs(), values.stream().map(detection).toList());
        var sightings = new ArrayList<Sighting<T>>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (numbers[i] <= 0) {
                sightings.add(null);
                continue;
            }
            var track = byTrackerNumber.computeIfAbsent(numbers[i],
                    n -> new Track<>(kind + "-s" + segment + "-" + (byTrackerNumber.size() + 1), new ArrayList<>()));
            var sighting = new Sighting<>(track.id(), frame, leadIn, values.get(i));
            track.sightings().add(sighting);
            sightings.add(sighting);
        }
        return sightings;
    }

    /** Every track, in order of first appearance. */
    List<Track<T>> tracks() {
        return List.copyOf(byTrackerNumber.values());
    }

    /**
     * An interval from a track's first to its last own sighting, or null when the track was seen on the
     * lead-in only. It is open at the start when the track was on the lead-in or begins on the detector's
     * first sample, in a segment that has a previous one, and open at the end when it reaches the last
     * sample of a segment that has a next one; the api merges such fragments.
     *
     * @param samples the frames the detector looked at, lead-in excluded
     */
    static EventBuilder interval(EventBuilder builder, Segment segment, Track<?> track, List<FrameRecord> samples) {
        var own = track.own();
        if (own.isEmpty() || samples.isEmpty()) {
            return null;
        }
        var first = own.get(0).frame();
        var last = own.get(own.size() - 1).frame();
        // Seen on the lead-in: the api joins it to the previous segment's track, so its interval continues
        // even if this segment's first sample missed it.
        boolean openStart = segment.hasPrevious()
                && (track.sightings().get(0).leadIn() || first.frame() == samples.get(0).frame());
        boolean openEnd = segment.hasNext() && last.frame() == samples.get(samples.size() - 1).frame();
        return builder.track(track.id()).span(first, last).fragment(openStart, openEnd);
    }

    /** One detection on a track. */
    record Sighting<T>(String track, FrameRecord frame, boolean leadIn, T value) {
    }

    /** A track's sightings in time order. */
    record Track<T>(String id, List<Sighting<T>> sightings) {
        /** The sightings within the segment itself (lead-in excluded). */
        List<Sighting<T>> own() {
            return sightings.stream().filter(s -> !s.leadIn()).toList();
        }
    }
}
