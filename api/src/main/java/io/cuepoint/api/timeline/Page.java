package io.cuepoint.api.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One page of a list.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Page<T>(List<T> items, @Nullable String nextCursor) {
}
