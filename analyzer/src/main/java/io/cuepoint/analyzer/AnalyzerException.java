package io.cuepoint.analyzer;

/**
 * The analyzer module's one exception: bad configuration, a detector that cannot run, or a worker
 * that cannot reach Kafka. The message says what to fix; the cause is kept.
 */
public class AnalyzerException extends RuntimeException {
    private final boolean retriable;

    public AnalyzerException(String message) {
        this(message, null, false);
    }

    public AnalyzerException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param retriable whether the same work may succeed when simply tried again (a broker that was
     *                  briefly unavailable), as opposed to failing the same way every time
     */
    public AnalyzerException(String message, Throwable cause, boolean retriable) {
        super(message, cause);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
