package io.cuepoint.api.store;

/**
 * A stored event as the api serves it: its JSON text as stored (the served form), with the keyset columns a page
 * needs for its cursor.
 *
 * @param json the event's JSON object, without the wire schema field
 */
public record StoredEvent(String id, long startMs, String json) {
}
