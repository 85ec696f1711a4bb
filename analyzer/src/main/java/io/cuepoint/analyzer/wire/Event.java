package io.cuepoint.analyzer.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.List;
import java.util.Map;

/**
 * Something that happens in a video: an instant ({@code startMs == endMs}) or an interval. Topic
 * {@code cuepoint.events.v1}, key = video id. The same shape is served by the api.
 *
 * @param schema     record schema version, {@link #SCHEMA}
 * @param id         deterministic id, see {@link EventIds}: a replayed segment yields the same ids
 * @param videoId    the video
 * @param type       dotted type such as {@code shot.cut} or {@code motion.active}
 * @param startMs    media time where it starts
 * @param endMs      media time where it ends (equal to {@code startMs} for an instant)
 * @param startFrame first frame, in decode order
 * @param endFrame   last frame, in decode order
 * @param confidence 0 to 1
 * @param track      stable id of what is tracked across frames, or null
 * @param box        normalized bounding box, or null
 * @param keypoints  named keypoints, or null
 * @param attributes detector-specific values (numbers, strings, booleans)
 * @param producer   analyzer and model versions that produced it
 * @param fragment   set while the interval touches a segment boundary and may continue in the
 *                   neighbouring segment; the api merges such fragments and serves whole intervals
 */
// Is-getters are not properties: isFragment() would otherwise be taken for the "fragment" property
// and written as true/false in place of the Fragment object.
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record Event(int schema, String id, String videoId, String type, long startMs, long endMs,
                    long startFrame, long endFrame, double confidence, String track, Box box,
                    List<Keypoint> keypoints, Map<String, Object> attributes, Producer producer,
                    Fragment fragment) {
    public static final int SCHEMA = 1;

    /** A copy without fragment information, as served once merged. */
    public Event withoutFragment() {
        return new Event(schema, id, videoId, type, startMs, endMs, startFrame, endFrame, confidence, track, box,
                keypoints, attributes, producer, null);
    }

    /** Whether this is an open fragment the api must merge; not a wire field (see the class annotation). */
    public boolean isFragment() {
        return fragment != null && (fragment.openStart() || fragment.openEnd());
    }
}
