package io.cuepoint.api.search;

import io.cuepoint.api.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the event feed: the transaction that last wrote an event ({@code tx}) and the sequence value
 * drawn at that write ({@code seq}); see {@code V6__feed.sql}. Clients see it as an opaque string (base64url of
 * a version tag and the two numbers), used as the search's {@code cursor} and the stream's event id.
 *
 * @param tx  the writing transaction's 64-bit id; 0 before every event
 * @param seq the sequence value; 0 before every event
 */
public record FeedCursor(long tx, long seq) {
    /** Before every event: a reader that starts here reads the whole feed. */
    public static final FeedCursor START = new FeedCursor(0, 0);
    private static final String VERSION = "f1";
    private static final String SEPARATOR = ".";

    public FeedCursor {
        if (tx < 0 || seq < 0) {
            throw new IllegalArgumentException("feed positions are not negative: " + tx + ", " + seq);
        }
    }

    public String encode() {
        String raw = VERSION + SEPARATOR + tx + SEPARATOR + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @param parameter the request parameter or header the cursor came in, named in the error
     * @throws ApiException 400 when the text is not a cursor this api made
     */
    public static FeedCursor decode(String cursor, String parameter) {
        if (cursor.length() <= 100) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
                String[] parts = raw.split("\\.", -1);
                if (parts.length == 3 && VERSION.equals(parts[0])) {
                    return new FeedCursor(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                }
            } catch (IllegalArgumentException e) {
                // not base64, not numbers, or negative: the 400 below
            }
        }
        throw ApiException.badRequest(parameter + " is not a valid feed cursor; use a nextCursor (or an event id "
                + "of the stream) this api returned");
    }
}
