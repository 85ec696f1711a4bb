package io.cuepoint.api.timeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.swagger.v3.oas.annotations.media.Schema;

import java.io.IOException;

/**
 * An {@link EventResource} that is already JSON: the stored text, written into the response as it is. Spares the
 * api from parsing each stored event and serializing it again, which cost most of its CPU per page of events.
 */
@Schema(implementation = EventResource.class)
@JsonSerialize(using = EventJsonResource.Writer.class)
public record EventJsonResource(String json) {

    /** Writes the stored JSON verbatim. */
    static final class Writer extends StdSerializer<EventJsonResource> {
        Writer() {
            super(EventJsonResource.class);
        }

        @Override
        public void serialize(EventJsonResource value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeRawValue(value.json());
        }
    }
}
