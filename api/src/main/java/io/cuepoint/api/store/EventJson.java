package io.cuepoint.api.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.WireFormatException;
import io.cuepoint.ingest.wire.WireJson;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON of stored events: the wire mapping, with {@link Event#isFragment()} kept out explicitly (as the analyzer's
 * own Event now does), so a stored
 * event never depends on whether the analyzer build at hand already marks that method as not a field.
 */
final class EventJson {
    private static final ObjectMapper MAPPER = WireJson.mapper().copy().addMixIn(Event.class, EventMixin.class);

    private EventJson() {
    }

    static String write(Event e) {
        try {
            return MAPPER.writeValueAsString(e);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot serialize event " + e.id(), ex);
        }
    }

    static Event read(String json) {
        try {
            return MAPPER.readValue(json, Event.class);
        } catch (IOException ex) {
            throw new WireFormatException("stored event is not valid: " + ex.getMessage(), ex);
        }
    }

    /** Is-getters are not properties: {@code isFragment()} would replace the Fragment object by a boolean. */
    @JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    private abstract static class EventMixin {
    }
}
