package io.cuepoint.api.web;

import io.cuepoint.api.config.CuepointConfig;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * A request body past {@code micronaut.server.max-request-size} (which application.yml ties to
 * {@code cuepoint.max-upload-bytes}) is stopped by the server before any controller runs; this turns that into a
 * 413 problem that names the setting a user can look up, instead of the server's internal wording.
 */
@Singleton
@Produces
@Replaces(ContentLengthExceededHandler.class)
final class UploadLimitHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;
    private final long limit;

    UploadLimitHandler(ErrorResponseProcessor<?> errors, CuepointConfig config) {
        this.errors = errors;
        this.limit = config.maxUploadBytes();
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException e) {
        return errors.processResponse(ErrorContext.builder(request).cause(e).errorMessage("the request is larger "
                        + "than the limit of " + limit + " bytes (cuepoint.max-upload-bytes)").build(),
                // The rest of the body was never read: this connection cannot carry another request.
                HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).header(HttpHeaders.CONNECTION, "close"));
    }
}
