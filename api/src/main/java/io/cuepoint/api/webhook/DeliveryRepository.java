package io.cuepoint.api.webhook;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cuepoint.api.webhook.WebhookRepository.instant;

/**
 * The {@code webhook_deliveries} outbox and its {@code webhook_attempts} log. Times come from the database clock,
 * so replicas with skewed clocks agree on what is due.
 */
@Singleton
public final class DeliveryRepository {
    /**
     * A delivery claimed for one attempt.
     *
     * @param attempt   the number of this attempt, from 1
     * @param claimedAt when it was claimed (database clock): the attempt's time in the log
     * @param disabled  whether its webhook was deleted meanwhile
     */
    record Claim(String id, String webhookId, String event, int attempt, String payload, String url, String secret,
                 Instant claimedAt, boolean disabled) {
    }

    void insert(Connection c, String id, String webhookId, String videoId, String event, String payload)
            throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO webhook_deliveries (id, webhook_id, video_id, event, payload) "
                + "VALUES (?, ?, ?, ?, ?::jsonb)")) {
            ps.setString(1, id);
            ps.setString(2, webhookId);
            ps.setString(3, videoId);
            ps.setString(4, event);
            ps.setString(5, payload);
            ps.executeUpdate();
        }
    }

    /**
     * Claims up to {@code limit} due pending deliveries: counts the attempt and moves their next attempt one
     * {@code lease} ahead, so another dispatcher (or this one after a crash) tries them again only once the lease
     * ran out. {@code SKIP LOCKED}: dispatchers on several replicas never wait for nor claim the same rows.
     */
    List<Claim> claim(Connection c, int limit, Duration lease) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE webhook_deliveries d SET attempts = d.attempts + 1, "
                + "next_attempt_at = now() + ? * interval '1 millisecond' FROM webhooks w "
                + "WHERE w.id = d.webhook_id AND d.id IN (SELECT id FROM webhook_deliveries "
                + "  WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT ? "
                + "  FOR UPDATE SKIP LOCKED) "
                + "RETURNING d.id, d.webhook_id, d.event, d.attempts, d.payload::text AS payload, w.url, w.secret, "
                + "now() AS claimed_at, w.disabled_at IS NOT NULL AS disabled")) {
            ps.setLong(1, lease.toMillis());
            ps.setInt(2, limit);
            var result = new ArrayList<Claim>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Claim(rs.getString("id"), rs.getString("webhook_id"), rs.getString("event"),
                            rs.getInt("attempts"), rs.getString("payload"), rs.getString("url"),
                            rs.getString("secret"), instant(rs, "claimed_at"), rs.getBoolean("disabled")));
                }
            }
            return result;
        }
    }

    /**
     * Records an attempt's outcome: delivered, failed for good, or pending again after {@code retryIn}.
     *
     * @param retryIn null when there is no further attempt
     */
    void record(Connection c, Claim claim, @Nullable Integer statusCode, @Nullable String error, long durationMs,
                boolean delivered, @Nullable Duration retryIn) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, error, "
                + "duration_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (delivery_id, attempt) DO NOTHING")) {
            ps.setString(1, claim.id());
            ps.setInt(2, claim.attempt());
            ps.setObject(3, claim.claimedAt().atOffset(java.time.ZoneOffset.UTC));
            setInteger(ps, 4, statusCode);
            ps.setString(5, error);
            ps.setLong(6, durationMs);
            ps.executeUpdate();
        }
        String status = delivered ? "delivered" : retryIn == null ? "failed" : "pending";
        try (var ps = c.prepareStatement("UPDATE webhook_deliveries SET status = ?, last_status_code = ?, "
                + "last_error = ?, delivered_at = CASE WHEN ? THEN now() END, "
                + "next_attempt_at = CASE WHEN ? THEN now() + ? * interval '1 millisecond' ELSE next_attempt_at END "
                + "WHERE id = ? AND attempts = ?")) {
            ps.setString(1, status);
            setInteger(ps, 2, statusCode);
            ps.setString(3, error);
            ps.setBoolean(4, delivered);
            ps.setBoolean(5, retryIn != null);
            ps.setLong(6, retryIn == null ? 0 : retryIn.toMillis());
            ps.setString(7, claim.id());
            // A dispatcher whose lease ran out and whose delivery was claimed again must not overwrite the newer
            // attempt's outcome.
            ps.setInt(8, claim.attempt());
            ps.executeUpdate();
        }
    }

    /** A webhook's deliveries, newest first, each with its attempts. */
    List<DeliveryResource> page(Connection c, String webhookId, int limit) throws SQLException {
        var deliveries = new LinkedHashMap<String, DeliveryResource>();
        try (var ps = c.prepareStatement("SELECT id, webhook_id, video_id, event, status, attempts, next_attempt_at, "
                + "last_status_code, last_error, created_at, delivered_at FROM webhook_deliveries "
                + "WHERE webhook_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")) {
            ps.setString(1, webhookId);
            ps.setInt(2, limit);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    deliveries.put(rs.getString("id"), map(rs));
                }
            }
        }
        Map<String, List<DeliveryResource.Attempt>> attempts = attempts(c, deliveries.keySet().toArray(String[]::new));
        return deliveries.values().stream().map(d -> d.withLog(attempts.getOrDefault(d.id(), List.of()))).toList();
    }

    private Map<String, List<DeliveryResource.Attempt>> attempts(Connection c, String[] ids) throws SQLException {
        var result = new LinkedHashMap<String, List<DeliveryResource.Attempt>>();
        try (var ps = c.prepareStatement("SELECT delivery_id, attempt, at, status_code, error, duration_ms "
                + "FROM webhook_attempts WHERE delivery_id = ANY (?) ORDER BY delivery_id, attempt")) {
            ps.setArray(1, c.createArrayOf("text", ids));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getString("delivery_id"), k -> new ArrayList<>()).add(
                            new DeliveryResource.Attempt(rs.getInt("attempt"), instant(rs, "at"),
                                    rs.getObject("status_code", Integer.class), rs.getString("error"),
                                    rs.getLong("duration_ms")));
                }
            }
        }
        return result;
    }

    private static DeliveryResource map(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        return new DeliveryResource(rs.getString("id"), rs.getString("webhook_id"), rs.getString("video_id"),
                rs.getString("event"), status, rs.getInt("attempts"),
                "pending".equals(status) ? instant(rs, "next_attempt_at") : null,
                rs.getObject("last_status_code", Integer.class), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "delivered_at"), List.of());
    }

    private static void setInteger(java.sql.PreparedStatement ps, int index, @Nullable Integer value)
            throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
