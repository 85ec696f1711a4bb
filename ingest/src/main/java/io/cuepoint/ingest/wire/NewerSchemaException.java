package io.cuepoint.ingest.wire;

/**
 * A record written with a schema version newer than the reader knows: a newer Cuepoint produced it.
 * Permanent for this reader; after upgrading it, the record can be replayed from the dead letters.
 */
public final class NewerSchemaException extends WireFormatException {
    public NewerSchemaException(Class<?> type, int found, int supported, Throwable cause) {
        super(type.getSimpleName() + " has schema version " + found + ", newer than version " + supported
                + " that this Cuepoint reads: upgrade this role to the producer's version, then replay it", cause);
    }
}
