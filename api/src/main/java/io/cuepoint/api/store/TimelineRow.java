package io.cuepoint.api.store;

import io.micronaut.core.annotation.Nullable;

/**
 * One event of a whole timeline: its served JSON and the columns that group it and summarize its track.
 *
 * @param sampleCount the {@code sampleCount} attribute where it is a number
 * @param label       the {@code label} attribute where it is a string
 * @param json        the event's JSON object, without the wire schema field
 */
public record TimelineRow(String id, String type, long startMs, long endMs, long startFrame, long endFrame,
                          @Nullable String track, @Nullable Long sampleCount, @Nullable String label, String json) {
}
