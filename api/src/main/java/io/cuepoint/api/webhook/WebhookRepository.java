package io.cuepoint.api.webhook;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code webhooks} table. Every read and change is scoped to one tenant. */
@Singleton
public final class WebhookRepository {
    private static final String COLUMNS = "id, url, events, created_at, disabled_at";

    /** A webhook of a tenant that wants an event: where to send it and the key to sign it with. */
    record Target(String id, String url) {
    }

    public void insert(Connection c, String id, String tenantId, String url, String secret, List<String> events)
            throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO webhooks (id, tenant_id, url, secret, events) "
                + "VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, tenantId);
            ps.setString(3, url);
            ps.setString(4, secret);
            ps.setArray(5, c.createArrayOf("text", events.toArray()));
            ps.executeUpdate();
        }
    }

    /** The tenant's webhooks that are not deleted, newest first. */
    public List<WebhookResource> list(Connection c, String tenantId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhooks WHERE tenant_id = ? "
                + "AND disabled_at IS NULL ORDER BY created_at DESC, id DESC")) {
            ps.setString(1, tenantId);
            var result = new ArrayList<WebhookResource>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        }
    }

    /** A webhook of the tenant, deleted ones included (their delivery log stays readable). */
    public Optional<WebhookResource> find(Connection c, String tenantId, String id) throws SQLException {
        try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhooks WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tenantId);
            ps.setString(2, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** Marks a webhook deleted and fails its pending deliveries; false when there is no such live webhook. */
    public boolean disable(Connection c, String tenantId, String id) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE webhooks SET disabled_at = now() WHERE tenant_id = ? AND id = ? "
                + "AND disabled_at IS NULL")) {
            ps.setString(1, tenantId);
            ps.setString(2, id);
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        try (var ps = c.prepareStatement("UPDATE webhook_deliveries SET status = 'failed', "
                + "last_error = 'the webhook was deleted' WHERE webhook_id = ? AND status = 'pending'")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        return true;
    }

    /** The tenant's live webhooks that subscribed to {@code event}. */
    List<Target> subscribed(Connection c, String tenantId, String event) throws SQLException {
        try (var ps = c.prepareStatement("SELECT id, url FROM webhooks WHERE tenant_id = ? AND disabled_at IS NULL "
                + "AND ? = ANY (events) ORDER BY id")) {
            ps.setString(1, tenantId);
            ps.setString(2, event);
            var result = new ArrayList<Target>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Target(rs.getString(1), rs.getString(2)));
                }
            }
            return result;
        }
    }

    private static WebhookResource map(ResultSet rs) throws SQLException {
        Array events = rs.getArray("events");
        return new WebhookResource(rs.getString("id"), rs.getString("url"),
                Arrays.stream((Object[]) events.getArray()).map(String::valueOf).toList(),
                instant(rs, "created_at"), instant(rs, "disabled_at"), null);
    }

    @Nullable
    static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
