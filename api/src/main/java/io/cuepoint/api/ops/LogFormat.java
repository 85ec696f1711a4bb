package io.cuepoint.api.ops;

import java.util.Locale;
import java.util.Map;

/**
 * How the console log is written. Environment variable {@value #ENV}: {@code text} (default; one line per
 * message for a person) or {@code json} (one JSON object per line, logback's {@code JsonEncoder}: level,
 * timestamp in epoch milliseconds, thread, logger, formatted message, MDC, throwable; for a log collector). Any
 * other value fails at start-up with a message naming the variable, before anything else starts. The log file
 * of the all-in-one modes stays text. Applied by setting the system property {@value #PROPERTY}, which
 * {@code logback.xml} reads, before the first logger exists.
 */
public enum LogFormat {
    TEXT, JSON;

    public static final String ENV = "CUEPOINT_LOG_FORMAT";
    public static final String PROPERTY = "cuepoint.log.format";

    /** @throws IllegalArgumentException naming {@value #ENV} when its value is neither {@code text} nor {@code json} */
    public static LogFormat fromEnvironment(Map<String, String> env) {
        String value = env.get(ENV);
        if (value == null || value.isBlank()) {
            return TEXT;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + " must be 'text' or 'json', got '" + value + "'", e);
        }
    }

    /** Makes logback's configuration pick this format; call before the first logger is created. */
    public void apply() {
        System.setProperty(PROPERTY, name().toLowerCase(Locale.ROOT));
    }
}
