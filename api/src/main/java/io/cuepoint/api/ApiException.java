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
     * A database failure: the operator sees the cause in the log, the client a 500 without internals. Text that
     * PostgreSQL cannot hold (a NUL character in a JSON body, SQLSTATE 22021) is the client's mistake: a 400.
     */
    public static ApiException database(String doing, Throwable cause) {
        if (cause instanceof java.sql.SQLException sql && UNSTORABLE_TEXT.equals(sql.getSQLState())) {
            return new ApiException(HttpStatus.BAD_REQUEST, "text must not contain a NUL character (\\u0000)", cause);
        }
        return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "database error while " + doing, cause);
    }
}
