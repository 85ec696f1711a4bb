package io.cuepoint.api.access;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * One request in the audit log.
 *
 * @param id       the row id, increasing; null before it is written
 * @param tenantId the principal's tenant; null when the request carried no valid credential
 * @param actor    who ({@code user:<id>}, {@code key:<id>}, {@code operator:<n>}); null likewise
 * @param videoId  the video the path names, if any
 * @param status   the HTTP status it was answered with
 * @param remote   the client's address
 */
public record AuditEntry(@Nullable Long id, Instant at, @Nullable String tenantId, @Nullable String actor,
                         String method, String path, @Nullable String videoId, int status, @Nullable String remote) {
}
