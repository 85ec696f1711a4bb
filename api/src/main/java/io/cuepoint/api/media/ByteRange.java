package io.cuepoint.api.media;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * One byte range of a file, inclusive at both ends, as an HTTP {@code Range: bytes=...} header asks for it
 * (RFC 9110 section 14). Only single ranges are served: players ask for one at a time, and a multipart
 * answer would have to be assembled in memory or in a second pass.
 *
 * @param first the first byte
 * @param last  the last byte, {@code first <= last < size}
 */
public record ByteRange(long first, long last) {
    private static final String UNIT = "bytes=";

    /** The number of bytes in the range. */
    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value for a file of {@code size} bytes. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * Parses a {@code Range} header for a file of {@code size} bytes.
     *
     * @return empty to serve the whole file (no header, a unit other than bytes, several ranges, or a header
     *         that does not parse: RFC 9110 lets a server ignore those)
     * @throws Unsatisfiable when the range lies wholly past the end of the file (answer 416)
     */
    public static Optional<ByteRange> parse(@Nullable String header, long size) {
        if (header == null || !header.regionMatches(true, 0, UNIT, 0, UNIT.length())) {
            return Optional.empty();
        }
        String spec = header.substring(UNIT.length()).strip();
        if (spec.contains(",")) {
            return Optional.empty();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String from = spec.substring(0, dash).strip();
            String to = spec.substring(dash + 1).strip();
            if (from.isEmpty()) {
                // A suffix: the last n bytes.
                long n = Long.parseLong(to);
                if (n <= 0 || size == 0) {
                    throw new Unsatisfiable();
                }
                return Optional.of(new ByteRange(Math.max(0, size - n), size - 1));
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? Long.MAX_VALUE : Long.parseLong(to);
            if (first < 0 || last < first) {
                return Optional.empty();
            }
            if (first >= size) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The range starts at or past the end of the file. */
    public static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super("the range starts past the end of the file", null, false, false);
        }
    }
}
