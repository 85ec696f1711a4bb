package io.cuepoint.api.access;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.util.HttpClientAddressResolver;

import java.time.Instant;

/**
 * Records every {@code /api/v1} request in the {@link AuditLog} once it has its answer, refusals included. Runs
 * before the {@link AuthenticationFilter}, so its response side also sees the answers that filter gives itself.
 */
@ServerFilter(AuthenticationFilter.PATTERN)
@Order(AuditFilter.ORDER)
final class AuditFilter {
    static final int ORDER = -1000;

    private final AuditLog log;
    private final HttpClientAddressResolver addresses;

    AuditFilter(AuditLog log, HttpClientAddressResolver addresses) {
        this.log = log;
        this.addresses = addresses;
    }

    @ResponseFilter
    void record(HttpRequest<?> request, HttpResponse<?> response) {
        Principal p = request.getAttribute(Principal.ATTRIBUTE, Principal.class).orElse(null);
        String path = request.getPath();
        log.record(new AuditEntry(null, Instant.now(), p == null ? null : p.tenantId(), p == null ? null : p.actor(),
                request.getMethodName(), path, RequestPaths.videoId(path), response.code(),
                addresses.resolve(request)));
    }
}
