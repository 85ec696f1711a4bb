package io.cuepoint.api.search;

import io.cuepoint.analyzer.wire.Event;

/** One stored event with its feed position. */
public record FeedEvent(FeedCursor position, Event event) {
}
