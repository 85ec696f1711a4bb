package io.cuepoint.api.timeline;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One slide shown in a video: a {@code slide.shown} event with its identity and keyframe.
 *
 * @param slideNumber 1, 2, … in order of first appearance; a return to an earlier slide has its number
 * @param revisit     true when this slide was shown before
 * @param startMs     where it starts, media milliseconds
 * @param endMs       where the next picture starts (exclusive)
 * @param startFrame  its first frame
 * @param endFrame    its last frame (inclusive)
 * @param buildCount  incremental builds seen while it was shown
 * @param keyframeUrl path of its keyframe JPEG (the most complete state), or null when none was stored
 * @param eventId     id of the {@code slide.shown} event
 */
@Schema(name = "Slide", description = "A slide shown: identity, interval and keyframe")
public record SlideResource(int slideNumber, boolean revisit, long startMs, long endMs, long startFrame,
                            long endFrame, int buildCount, @Nullable String keyframeUrl, String eventId) {
}
