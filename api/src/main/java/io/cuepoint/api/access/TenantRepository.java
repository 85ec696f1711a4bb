package io.cuepoint.api.access;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code tenants} table. */
@Singleton
public final class TenantRepository {
    public Tenant insert(Connection c, String id, String name) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO tenants (id, name) VALUES (?, ?) RETURNING created_at")) {
            ps.setString(1, id);
            ps.setString(2, name);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new Tenant(id, name, Rows.instant(rs, "created_at"));
            }
        }
    }

    public boolean nameTaken(Connection c, String name) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM tenants WHERE name = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public List<Tenant> list(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("SELECT id, name, created_at FROM tenants ORDER BY created_at, id");
             var rs = ps.executeQuery()) {
            var result = new ArrayList<Tenant>();
            while (rs.next()) {
                result.add(new Tenant(rs.getString("id"), rs.getString("name"), Rows.instant(rs, "created_at")));
            }
            return result;
        }
    }
}
