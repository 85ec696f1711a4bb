package io.cuepoint.ingest.wire;

/** A record on a topic that cannot be parsed. Permanent: retrying the same bytes fails the same way. */
public class WireFormatException extends RuntimeException {
    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
