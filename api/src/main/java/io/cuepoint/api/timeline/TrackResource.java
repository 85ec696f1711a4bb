package io.cuepoint.api.timeline;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One tracked person, face or object of a video: the events that share a canonical track id, summarized.
 *
 * @param id          the canonical track id, the {@code track} of its events: the segment-local id of the
 *                    earliest segment the track was seen in, such as {@code person-s0-1}
 * @param kind        {@code person}, {@code face} or {@code object}: the prefix of its event types
 * @param label       the object class for objects (the most frequent {@code label} of its events), else the kind
 * @param startMs     start of its earliest event
 * @param endMs       end of its latest event
 * @param sampleCount analysed samples it was seen in: the frames of its per-sample instants, or where it has
 *                    none, the summed {@code sampleCount} of its intervals
 * @param types       the event types it has, in name order
 */
@Schema(name = "SpatialTrack", description = "A tracked person, face or object: the events sharing one track id")
public record TrackResource(String id, String kind, String label, long startMs, long endMs, long sampleCount,
                            List<String> types) {
    private static final Comparator<EventResource> TIME_ORDER = Comparator.comparingLong(EventResource::startMs)
            .thenComparing(EventResource::type).thenComparing(EventResource::id);

    /** The tracks of the given events (untracked ones are left out), by start, then id. */
    public static List<TrackResource> of(List<EventResource> events) {
        var byTrack = new TreeMap<String, List<EventResource>>();
        for (EventResource e : events) {
            if (e.track() != null) {
                byTrack.computeIfAbsent(e.track(), t -> new ArrayList<>()).add(e);
            }
        }
        var tracks = new ArrayList<TrackResource>();
        byTrack.forEach((id, trackEvents) -> tracks.add(summarize(id, trackEvents)));
        tracks.sort(Comparator.comparingLong(TrackResource::startMs).thenComparing(TrackResource::id));
        return tracks;
    }

    private static TrackResource summarize(String id, List<EventResource> events) {
        var sorted = new ArrayList<>(events);
        sorted.sort(TIME_ORDER);
        String type = sorted.get(0).type();
        String kind = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        var types = new TreeSet<String>();
        var instantFrames = new HashSet<Long>();
        var countsByType = new TreeMap<String, Long>();
        var labels = new LinkedHashMap<String, Integer>();
        for (EventResource e : sorted) {
            start = Math.min(start, e.startMs());
            end = Math.max(end, e.endMs());
            types.add(e.type());
            if (e.startMs() == e.endMs() && e.startFrame() == e.endFrame()) {
                instantFrames.add(e.startFrame());
            }
            Map<String, Object> a = e.attributes() == null ? Map.of() : e.attributes();
            if (a.get("sampleCount") instanceof Number n) {
                countsByType.merge(e.type(), n.longValue(), Long::sum);
            }
            if (a.get("label") instanceof String label) {
                labels.merge(label, 1, Integer::sum);
            }
        }
        long samples = !instantFrames.isEmpty() ? instantFrames.size()
                : countsByType.values().stream().mapToLong(Long::longValue).max().orElse(0);
        String label = labels.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(kind);
        return new TrackResource(id, kind, label, start, end, samples, List.copyOf(types));
    }
}
