package io.cuepoint.ingest;

/**
 * The one failure type of the ingest module. The message is meant for the person who submitted the
 * video ("file is empty: talk.mp4"), and {@link #permanent()} tells the worker whether retrying could
 * help: bad input fails the same way every time, a broker outage may not.
 */
public class IngestException extends RuntimeException {
    private final boolean permanent;

    private IngestException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** Bad input (not a video, unreadable, empty): retrying the same job fails the same way. */
    public static IngestException badInput(String message) {
        return new IngestException(message, null, true);
    }

    /** Bad input, with the library error that revealed it. */
    public static IngestException badInput(String message, Throwable cause) {
        return new IngestException(message, cause, true);
    }

    /** A failure of the environment (broker, disk) that a later attempt may not meet. */
    public static IngestException transientFailure(String message, Throwable cause) {
        return new IngestException(message, cause, false);
    }

    /** A configuration value that cannot be used; permanent, since only the operator can fix it. */
    public static IngestException badConfig(String key, String value, String expected) {
        return new IngestException("invalid " + key + "=\"" + value + "\": expected " + expected, null, true);
    }

    /** True when retrying cannot succeed. */
    public boolean permanent() {
        return permanent;
    }
}
