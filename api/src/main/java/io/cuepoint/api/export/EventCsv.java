package io.cuepoint.api.export;

import io.cuepoint.api.timeline.EventResource;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Events as CSV (RFC 4180): a header row, one row per event, CRLF line ends; a field with a comma, quote or line
 * break is quoted, its quotes doubled. {@code box} and {@code attributes} are JSON. A text field that starts with
 * {@code = + - @}, a tab or a carriage return gets a leading {@code '} so that a spreadsheet shows it as text
 * instead of running it as a formula (CSV injection).
 */
final class EventCsv {
    static final String HEADER = "id,videoId,type,startMs,endMs,startFrame,endFrame,confidence,track,box,attributes";

    private EventCsv() {
    }

    static String write(List<EventResource> events, JsonMapper json) {
        var out = new StringBuilder(HEADER).append("\r\n");
        for (EventResource e : events) {
            out.append(text(e.id())).append(',').append(text(e.videoId())).append(',').append(text(e.type()))
                    .append(',').append(e.startMs()).append(',').append(e.endMs()).append(',')
                    .append(e.startFrame()).append(',').append(e.endFrame()).append(',').append(e.confidence())
                    .append(',').append(text(e.track())).append(',')
                    .append(text(e.box() == null ? null : json(json, e.box()))).append(',')
                    .append(text(e.attributes() == null ? null : json(json, e.attributes()))).append("\r\n");
        }
        return out.toString();
    }

    /** One text field: neutralized if it could run as a formula, quoted where RFC 4180 needs it. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    private static String json(JsonMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an event attribute as JSON", e);
        }
    }
}
