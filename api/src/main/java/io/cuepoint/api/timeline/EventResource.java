package io.cuepoint.api.timeline;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Keypoint;
import io.cuepoint.analyzer.wire.Producer;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * One event as the api serves it: the wire {@link Event} without schema and fragment fields, its track the
 * canonical one (the analyzer's segment-local track joined across segment boundaries).
 */
@Schema(name = "Event")
public record EventResource(String id, String videoId, String type, long startMs, long endMs, long startFrame,
                            long endFrame, double confidence,
                            @Schema(description = "id of the tracked person, face or object, stable through the "
                                    + "video; see the timeline's spatialTracks") @Nullable String track,
                            @Nullable Box box,
                            @Nullable List<Keypoint> keypoints, @Nullable Map<String, Object> attributes,
                            @Nullable Producer producer) {

    public static EventResource of(Event e) {
        return new EventResource(e.id(), e.videoId(), e.type(), e.startMs(), e.endMs(), e.startFrame(), e.endFrame(),
                e.confidence(), e.track(), e.box(), e.keypoints(), e.attributes(), e.producer());
    }
}
