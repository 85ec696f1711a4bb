package io.cuepoint.api;

import io.micronaut.http.HttpStatus;

/**
 * The one exception of the api module. It carries the HTTP status it maps to and a message a user can
 * act on; the web layer turns it into an RFC 9457 problem document.
 */
public class ApiException extends RuntimeException {
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

    /** A database failure: the operator sees the cause in the log, the client a 500 without internals. */
    public static ApiException database(String doing, Throwable cause) {
        return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "database error while " + doing, cause);
    }
}
