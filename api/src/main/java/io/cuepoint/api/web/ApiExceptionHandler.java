package io.cuepoint.api.web;

import io.cuepoint.api.ApiException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps {@link ApiException} to a problem response with its status. */
@Singleton
@Produces
final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponseProcessor<?> errors;

    ApiExceptionHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiException e) {
        if (e.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
            LOG.error("{} {} failed: {}", request.getMethod(), request.getPath(), e.getMessage(), e);
        } else if (e.status().getCode() >= 500) {
            // Handled trouble outside this process (an upstream URL failed or was too slow, too many streams).
            LOG.warn("{} {} answered {}: {}", request.getMethod(), request.getPath(), e.status().getCode(),
                    e.getMessage());
        }
        return errors.processResponse(ErrorContext.builder(request).cause(e).errorMessage(e.getMessage()).build(),
                HttpResponse.status(e.status()));
    }
}
