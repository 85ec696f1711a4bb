package io.cuepoint.ingest.wire;

/**
 * Header names of a record on {@link Topics#DEAD_LETTERS}. The dead letter's key and value are the
 * original record's, unchanged; these headers (UTF-8 strings) say where it came from and why no consumer
 * could use it. Any headers the original carried are kept as well.
 */
public final class DeadLetterHeaders {
    /** The topic the record was read from, e.g. {@code cuepoint.frames.v1}. */
    public static final String TOPIC = "cuepoint.dlq.topic";
    /** Its partition on that topic, decimal. */
    public static final String PARTITION = "cuepoint.dlq.partition";
    /** Its offset in that partition, decimal. */
    public static final String OFFSET = "cuepoint.dlq.offset";
    /** The consumer group that could not use it, e.g. {@code cuepoint-analyzer}. */
    public static final String GROUP = "cuepoint.dlq.group";
    /** Why, as a sentence a person can act on. */
    public static final String REASON = "cuepoint.dlq.reason";
    /** The class name of the exception that rejected it. */
    public static final String EXCEPTION = "cuepoint.dlq.exception";
    /** When it was dead-lettered, an ISO-8601 instant. */
    public static final String AT = "cuepoint.dlq.at";

    private DeadLetterHeaders() {
    }

    /** True for the headers above: a replayed dead letter drops them, a dead letter replaces them. */
    public static boolean isDeadLetterHeader(String name) {
        return name.startsWith("cuepoint.dlq.");
    }
}
