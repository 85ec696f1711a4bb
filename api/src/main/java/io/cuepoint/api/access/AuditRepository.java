package io.cuepoint.api.access;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** The {@code audit_log} table. */
@Singleton
public final class AuditRepository {
    public void insert(Connection c, List<AuditEntry> entries) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO audit_log (at, tenant_id, actor, method, path, video_id, status, "
                + "remote) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry e : entries) {
                ps.setObject(1, Rows.utc(e.at()));
                ps.setString(2, e.tenantId());
                ps.setString(3, e.actor());
                ps.setString(4, e.method());
                ps.setString(5, e.path());
                ps.setString(6, e.videoId());
                ps.setInt(7, e.status());
                ps.setString(8, e.remote());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The tenant's entries, newest first, with ids below {@code beforeId}.
     *
     * @param withAnonymous also the entries without a tenant (refused credentials), for operators
     */
    public List<AuditEntry> page(Connection c, String tenantId, boolean withAnonymous, @Nullable Long beforeId,
                                 int limit) throws SQLException {
        try (var ps = c.prepareStatement("SELECT id, at, tenant_id, actor, method, path, video_id, status, remote "
                + "FROM audit_log WHERE (tenant_id = ?" + (withAnonymous ? " OR tenant_id IS NULL" : "") + ") "
                + "AND id < ? ORDER BY id DESC LIMIT ?")) {
            ps.setString(1, tenantId);
            if (beforeId == null) {
                ps.setLong(2, Long.MAX_VALUE);
            } else {
                ps.setLong(2, beforeId);
            }
            ps.setInt(3, limit);
            var result = new ArrayList<AuditEntry>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new AuditEntry(rs.getLong("id"), Rows.instant(rs, "at"), rs.getString("tenant_id"),
                            rs.getString("actor"), rs.getString("method"), rs.getString("path"),
                            rs.getString("video_id"), rs.getInt("status"), rs.getString("remote")));
                }
            }
            return result;
        }
    }
}
