package io.cuepoint.api.store;

import io.cuepoint.analyzer.wire.Box;

import java.time.Instant;

/**
 * A region of interest as stored.
 *
 * @param name      unique per video: 1 to 64 letters, digits, {@code -} or {@code _}
 * @param box       normalized to the display frame, origin top left
 * @param createdAt when it was first defined
 * @param updatedAt when its box last changed
 */
public record Region(String name, Box box, Instant createdAt, Instant updatedAt) {
}
