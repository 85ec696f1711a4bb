package io.cuepoint.api.motion;

import io.cuepoint.analyzer.wire.Box;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The motion inside one region of interest over the video.
 *
 * @param region     the region's name
 * @param box        its box
 * @param thresholds the hysteresis settings the intervals were split with
 * @param series     the region's foreground share at every grid sample
 * @param intervals  alternating {@code region.active} and {@code region.idle} intervals that tile the analysed
 *                   video: ends exclusive in milliseconds, inclusive in frames
 */
@Schema(name = "RegionMotion")
public record RegionMotion(String region, Box box, RegionActivity.Thresholds thresholds, List<Point> series,
                           List<Interval> intervals) {

    /**
     * One sample.
     *
     * @param share foreground share inside the region, 0 to 1: the cells' shares weighted by how much of each
     *              cell the region covers
     */
    public record Point(long ptsMs, long frame, double share) {
    }

    /**
     * @param type        {@code region.active} or {@code region.idle}
     * @param meanShare   mean unsmoothed share of its samples
     * @param sampleCount how many samples it spans
     */
    public record Interval(String type, long startMs, long endMs, long startFrame, long endFrame, double meanShare,
                           int sampleCount) {
    }
}
