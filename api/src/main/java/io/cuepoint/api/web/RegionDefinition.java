package io.cuepoint.api.web;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.api.ApiException;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code PUT /api/v1/videos/{id}/regions/{name}}. Fields are nullable so that a missing one gets
 * a message naming it rather than a generic binding error.
 *
 * @param box the region, normalized to the picture (0 to 1, origin top left)
 */
@Introspected
public record RegionDefinition(@Nullable Edges box) {

    /** A box whose edges may be missing. */
    @Introspected
    public record Edges(@Nullable Double left, @Nullable Double top, @Nullable Double right, @Nullable Double bottom) {
    }

    /** The box. @throws ApiException 400 naming what is missing */
    Box toBox() {
        if (box == null) {
            throw ApiException.badRequest("the body needs a box: {\"box\": {\"left\": 0.1, \"top\": 0.2, "
                    + "\"right\": 0.5, \"bottom\": 0.6}}, normalized to the picture");
        }
        var missing = new ArrayList<String>();
        check(box.left(), "left", missing);
        check(box.top(), "top", missing);
        check(box.right(), "right", missing);
        check(box.bottom(), "bottom", missing);
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("box needs numbers for " + String.join(", ", missing));
        }
        return new Box(box.left(), box.top(), box.right(), box.bottom());
    }

    private static void check(@Nullable Double edge, String name, List<String> missing) {
        if (edge == null) {
            missing.add("\"" + name + "\"");
        }
    }
}
