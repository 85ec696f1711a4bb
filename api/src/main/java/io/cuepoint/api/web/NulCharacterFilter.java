package io.cuepoint.api.web;

import io.cuepoint.api.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

import java.util.Locale;

/**
 * Refuses {@code /api/v1} requests whose path or query parameters hold a NUL character (U+0000) with a 400 that
 * names the parameter. PostgreSQL cannot store NUL in text, so such a value would otherwise fail deep inside
 * whichever query used it first, as a 500 and an error in the log.
 */
@ServerFilter("/api/v1/**")
@Order(NulCharacterFilter.ORDER)
final class NulCharacterFilter {
    /** After authentication (-990): a request without a valid credential learns nothing about its input. */
    static final int ORDER = -980;

    private final ErrorResponseProcessor<?> errors;

    NulCharacterFilter(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseNul(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.indexOf('\0') >= 0 || path.toLowerCase(Locale.ROOT).contains("%00")) {
            return refuse(request, "the path must not contain a NUL character (%00)");
        }
        for (String name : request.getParameters().names()) {
            if (name.indexOf('\0') >= 0 || request.getParameters().getAll(name).stream()
                    .anyMatch(v -> v.indexOf('\0') >= 0)) {
                return refuse(request, name.replace('\0', '?') + ": must not contain a NUL character (%00)");
            }
        }
        return null;
    }

    private HttpResponse<?> refuse(HttpRequest<?> request, String message) {
        var e = ApiException.badRequest(message);
        return errors.processResponse(ErrorContext.builder(request).cause(e).errorMessage(message).build(),
                HttpResponse.badRequest());
    }
}
