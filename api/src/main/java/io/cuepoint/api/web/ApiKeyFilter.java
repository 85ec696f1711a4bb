package io.cuepoint.api.web;

import io.cuepoint.api.access.Principal;
import io.cuepoint.api.config.CuepointConfig;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Requires one of {@code cuepoint.api-keys} on every {@code /api/v1/**} request, as {@code X-API-Key} or
 * {@code Authorization: Bearer <key>}. The one place where requests are authenticated.
 */
@ServerFilter(ApiKeyFilter.PATTERN)
final class ApiKeyFilter {
    static final String PATTERN = "/api/v1/**";
    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final List<byte[]> keyDigests;
    private final ErrorResponseProcessor<?> errors;

    ApiKeyFilter(CuepointConfig config, ErrorResponseProcessor<?> errors) {
        this.keyDigests = config.apiKeys().stream().map(ApiKeyFilter::digest).toList();
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        String key = presentedKey(request);
        int operator = key == null ? -1 : known(key);
        if (operator >= 0) {
            request.setAttribute(Principal.ATTRIBUTE, Principal.operator("operator:" + operator));
            return null;
        }
        return errors.processResponse(ErrorContext.builder(request)
                        .errorMessage(key == null ? "an API key is required: send it as " + HEADER
                                + " or Authorization: Bearer <key>" : "the API key is not valid").build(),
                HttpResponse.unauthorized().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    @Nullable
    private static String presentedKey(HttpRequest<?> request) {
        String key = request.getHeaders().get(HEADER);
        if (key == null) {
            String auth = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
            if (auth != null && auth.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                key = auth.substring(BEARER.length());
            }
        }
        return key == null || key.isBlank() ? null : key.strip();
    }

    /** The index of the configured key; -1 when unknown. Compares digests in constant time, and every configured key, so timing tells nothing about the keys. */
    private int known(String key) {
        byte[] presented = digest(key);
        int match = -1;
        for (int i = 0; i < keyDigests.size(); i++) {
            if (MessageDigest.isEqual(keyDigests.get(i), presented)) {
                match = i;
            }
        }
        return match;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
