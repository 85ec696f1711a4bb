package io.cuepoint.api.timeline;

import io.cuepoint.api.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset cursors: base64url of a version tag and the sort key of the last row served. Clients must not
 * build them; a cursor that does not decode is a 400.
 */
final class Cursors {
    private static final String VERSION = "c1";
    private static final char SEPARATOR = '\n';

    private Cursors() {
    }

    static String encode(String sortKey, String id) {
        String raw = VERSION + SEPARATOR + sortKey + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key and id of a cursor. */
    static String[] decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEPARATOR), -1);
            if (parts.length == 3 && VERSION.equals(parts[0]) && !parts[2].isEmpty()) {
                return new String[] {parts[1], parts[2]};
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400 below
        }
        throw ApiException.badRequest("invalid cursor; use the nextCursor of a previous page");
    }
}
