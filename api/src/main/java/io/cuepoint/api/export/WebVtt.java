package io.cuepoint.api.export;

/**
 * Writes WebVTT files (W3C WebVTT): the {@code WEBVTT} header, then cues of an identifier line, a timing line
 * {@code hh:mm:ss.mmm --> hh:mm:ss.mmm} and a payload, each followed by a blank line.
 */
final class WebVtt {
    private final StringBuilder out = new StringBuilder("WEBVTT\n\n");

    /**
     * Adds one cue.
     *
     * @param id      the cue identifier; must not contain a line break or {@code -->}
     * @param startMs where it starts
     * @param endMs   where it ends; after {@code startMs}
     * @param payload its text; must not contain a blank line or {@code -->}
     */
    WebVtt cue(String id, long startMs, long endMs, String payload) {
        if (endMs <= startMs) {
            throw new IllegalArgumentException("a cue ends after it starts: " + startMs + " -> " + endMs);
        }
        if (id.contains("\n") || id.contains("\r") || id.contains("-->")
                || payload.contains("-->") || payload.contains("\n\n")) {
            throw new IllegalArgumentException("cue " + id + " would break the WebVTT syntax");
        }
        out.append(id).append('\n').append(timestamp(startMs)).append(" --> ").append(timestamp(endMs))
                .append('\n').append(payload).append("\n\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** {@code hh:mm:ss.mmm}; hours grow past two digits for very long media, as WebVTT allows. */
    static String timestamp(long ms) {
        long hours = ms / 3_600_000;
        return String.format("%02d:%02d:%02d.%03d", hours, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    /** {@code mm:ss}, or {@code h:mm:ss} from an hour on: how a chapter title names its start. */
    static String clock(long ms) {
        long s = ms / 1000;
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }
}
