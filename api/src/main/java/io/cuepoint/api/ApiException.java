package io.cuepoint.api;

import io.micronaut.http.HttpStatus;

/**
 * The one exception of the api module. It carries the HTTP status it maps to and a message a user can
 * act on; the web layer turns it into an RFC 9457 problem document.
 */
public class ApiException extends RuntimeException {
    /** SQLSTATE character_not_in_repertoire: PostgreSQL's answer to a NUL character in text. */
    private static final String UNSTORABLE_TEXT = "22021";
    private final HttpStatus status;

    public ApiException(HttpStatus status, String message) {
        this(status, message, null);
    }

    public ApiException(HttpStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, what);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    /**
     * A database failure: the operator sees the cause in the log, the client a problem without internals. An
     * unreachable database (connection refused or lost, the pool timing out, the server shutting down or
     * starting up) is a 503, to be retried later; text that PostgreSQL cannot hold (a NUL character in a JSON
     * body, SQLSTATE 22021) is the client's mistake, a 400; anything else a 500.
     */
    public static ApiException database(String doing, Throwable cause) {
        if (cause instanceof java.sql.SQLException sql && UNSTORABLE_TEXT.equals(sql.getSQLState())) {
            return new ApiException(HttpStatus.BAD_REQUEST, "text must not contain a NUL character (\\u0000)", cause);
        }
        if (databaseUnavailable(cause)) {
            return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the database is not available while "
                    + doing + "; try again later", cause);
        }
        return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "database error while " + doing, cause);
    }

    /** True when the failure means the database cannot be reached now, rather than that the work was wrong. */
    public static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api.status == HttpStatus.SERVICE_UNAVAILABLE;
            }
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    // Class 08: connection exception; 57P01-57P03: shut down by an administrator, crashed,
                    // cannot connect now (starting up or shutting down).
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
