package io.cuepoint.api.ops;

import java.util.Map;
import java.util.TreeMap;

/**
 * A health answer: UP when every check is UP. Served as {@code {"status":"UP","checks":{"kafka":"UP",…}}}
 * with 200, or with 503 and {@code DOWN: <reason>} for each failing check.
 *
 * @param checks each check's {@code UP} or {@code DOWN: <reason>}, by name
 */
record Health(Map<String, String> checks) {
    Health {
        checks = new TreeMap<>(checks);
    }

    boolean up() {
        return checks.values().stream().allMatch(CachedCheck.UP::equals);
    }

    String status() {
        return up() ? "UP" : "DOWN";
    }
}
