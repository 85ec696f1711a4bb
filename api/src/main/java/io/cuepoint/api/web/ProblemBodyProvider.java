package io.cuepoint.api.web;

import io.cuepoint.api.ApiException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Makes every JSON error response of the server a problem document: Micronaut's own (validation, bad JSON,
 * unknown route, request too large) and ours ({@link ApiException}, the API key filter). A 500 never shows the
 * exception: the detail is generic and the cause goes to the log.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {
    private static final String INTERNAL = "an unexpected error occurred; the server log has the details";

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        return new Problem("about:blank", response.reason(), status, detail(context, status),
                context.getRequest().getPath());
    }

    private static String detail(ErrorContext context, int status) {
        var cause = context.getRootCause().orElse(null);
        if (cause instanceof ApiException api) {
            return api.getMessage();
        }
        if (status >= 500) {
            return INTERNAL;
        }
        if (context.hasErrors()) {
            return context.getErrors().stream().map(ProblemBodyProvider::message).collect(Collectors.joining("; "));
        }
        return response(status);
    }

    private static String message(Error error) {
        return error.getPath().map(p -> p + ": " + error.getMessage()).orElse(error.getMessage());
    }

    private static String response(int status) {
        return "request failed with status " + status;
    }

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }
}
