package io.cuepoint.api.access;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code api_keys} table. */
@Singleton
public final class ApiKeyRepository {
    private static final String COLUMNS = "id, tenant_id, user_id, name, secret_hash, scopes, created_at, expires_at, "
            + "revoked_at, last_used_at";

    public StoredKey insert(Connection c, String id, String tenantId, String userId, String name, byte[] secretHash,
                            Set<Scope> scopes, @Nullable Instant expiresAt) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO api_keys (id, tenant_id, user_id, name, secret_hash, scopes, "
                + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
            ps.setString(1, id);
            ps.setString(2, tenantId);
            ps.setString(3, userId);
            ps.setString(4, name);
            ps.setBytes(5, secretHash);
            ps.setArray(6, c.createArrayOf("text", scopes.stream().map(Scope::wireName).toArray()));
            ps.setObject(7, Rows.utc(expiresAt));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        }
    }

    public Optional<StoredKey> find(Connection c, String id) throws SQLException {
        try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** The tenant's keys, newest first. */
    public List<StoredKey> list(Connection c, String tenantId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id = ? "
                + "ORDER BY created_at DESC, id DESC")) {
            ps.setString(1, tenantId);
            var result = new ArrayList<StoredKey>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        }
    }

    /** Revokes a key of the tenant (keeping the first revocation time); false when the tenant has no such key. */
    public boolean revoke(Connection c, String tenantId, String id) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) "
                + "WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tenantId);
            ps.setString(2, id);
            return ps.executeUpdate() > 0;
        }
    }

    /** Records that these keys were used at {@code at}, never moving the time backwards. */
    public void touch(Connection c, Collection<String> ids, Instant at) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE api_keys SET last_used_at = GREATEST(last_used_at, ?) "
                + "WHERE id = ANY (?)")) {
            ps.setObject(1, Rows.utc(at));
            ps.setArray(2, c.createArrayOf("text", ids.toArray()));
            ps.executeUpdate();
        }
    }

    private static StoredKey map(ResultSet rs) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String s : (String[]) rs.getArray("scopes").getArray()) {
            Scope.parse(s).ifPresent(scopes::add);
        }
        return new StoredKey(rs.getString("id"), rs.getString("tenant_id"), rs.getString("user_id"),
                rs.getString("name"), rs.getBytes("secret_hash"), scopes, Rows.instant(rs, "created_at"),
                Rows.instant(rs, "expires_at"), Rows.instant(rs, "revoked_at"), Rows.instant(rs, "last_used_at"));
    }
}
