package io.cuepoint.api.access;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.timeline.Page;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Reads a tenant's audit log, newest first, a page at a time. */
@Singleton
public final class AuditTrail {
    private static final String VERSION = "a1:";

    private final Database db;
    private final AuditRepository repository;

    public AuditTrail(Database db, AuditRepository repository) {
        this.db = db;
        this.repository = repository;
    }

    /** The caller's tenant's entries; an operator also sees the refusals that carried no valid credential. */
    public Page<AuditEntry> page(Principal p, int limit, @Nullable String cursor) {
        Long before = cursor == null ? null : decode(cursor);
        List<AuditEntry> rows = db.read("reading the audit log",
                c -> repository.page(c, p.tenantId(), p.operator(), before, limit + 1));
        List<AuditEntry> items = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? encode(items.get(items.size() - 1).id()) : null;
        return new Page<>(List.copyOf(items), next);
    }

    private static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith(VERSION)) {
                return Long.parseLong(raw.substring(VERSION.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400 below
        }
        throw ApiException.badRequest("invalid cursor; use the nextCursor of a previous page");
    }
}
