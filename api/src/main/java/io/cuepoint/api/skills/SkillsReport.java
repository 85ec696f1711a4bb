package io.cuepoint.api.skills;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * The hand-skill metrics of a video: per hand over the whole video, and per analysed segment.
 *
 * @param videoId  the video
 * @param hands    per side ({@code left}, {@code right}) the whole video's metrics; empty before any segment with
 *                 tracked hands is analysed
 * @param balance  the smaller of the two hands' path lengths over the larger (1 = equal), null unless both were
 *                 tracked
 * @param segments per segment with tracked hands, in time order, as the analyzer measured it
 */
public record SkillsReport(String videoId, Map<String, HandSkills> hands, @Nullable Double balance,
                           List<SegmentSkills> segments) {
    /**
     * One segment's metrics.
     *
     * @param source {@code pose} (the principal person's wrists) or {@code hands} (a hand detector's tracks)
     */
    public record SegmentSkills(long startMs, long endMs, String source, Map<String, HandSkills> hands,
                                @Nullable Double balance) {
    }
}
