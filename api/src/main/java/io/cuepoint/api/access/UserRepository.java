package io.cuepoint.api.access;

import io.cuepoint.api.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The {@code users} table, each user read with its course memberships. */
@Singleton
public final class UserRepository {
    private static final String SELECT = "SELECT u.id, u.tenant_id, u.email, u.name, u.role, u.password_hash, "
            + "u.created_at, u.disabled_at, ARRAY(SELECT m.course_id FROM course_members m WHERE m.user_id = u.id "
            + "ORDER BY m.course_id) AS courses FROM users u";

    /** @throws ApiException 409 when the email is taken (emails are unique across tenants: they sign in by it) */
    public void insert(Connection c, String id, String tenantId, String email, @Nullable String name, Role role,
                       @Nullable String passwordHash) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO users (id, tenant_id, email, name, role, password_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING")) {
            ps.setString(1, id);
            ps.setString(2, tenantId);
            ps.setString(3, normalEmail(email));
            ps.setString(4, name);
            ps.setString(5, role.wireName());
            ps.setString(6, passwordHash);
            if (ps.executeUpdate() == 0) {
                throw new ApiException(HttpStatus.CONFLICT, "a user with email " + email + " exists already");
            }
        }
    }

    public Optional<UserAccount> find(Connection c, String id) throws SQLException {
        return one(c, SELECT + " WHERE u.id = ?", id);
    }

    public Optional<UserAccount> findByEmail(Connection c, String email) throws SQLException {
        return one(c, SELECT + " WHERE u.email = ?", normalEmail(email));
    }

    public List<UserAccount> list(Connection c, String tenantId) throws SQLException {
        try (var ps = c.prepareStatement(SELECT + " WHERE u.tenant_id = ? ORDER BY u.email")) {
            ps.setString(1, tenantId);
            var result = new ArrayList<UserAccount>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        }
    }

    public void setRole(Connection c, String id, Role role) throws SQLException {
        update(c, "UPDATE users SET role = ? WHERE id = ?", role.wireName(), id);
    }

    /** Disables (keeping the first time it was disabled) or enables the user. */
    public void setDisabled(Connection c, String id, boolean disabled) throws SQLException {
        try (var ps = c.prepareStatement(disabled ? "UPDATE users SET disabled_at = COALESCE(disabled_at, now()) "
                + "WHERE id = ?" : "UPDATE users SET disabled_at = NULL WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    public void setPasswordHash(Connection c, String id, String passwordHash) throws SQLException {
        update(c, "UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, id);
    }

    private static void update(Connection c, String sql, String first, String second)
            throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setString(1, first);
            ps.setString(2, second);
            ps.executeUpdate();
        }
    }

    private static Optional<UserAccount> one(Connection c, String sql, String param) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static UserAccount map(ResultSet rs) throws SQLException {
        String[] courses = (String[]) rs.getArray("courses").getArray();
        return new UserAccount(rs.getString("id"), rs.getString("tenant_id"), rs.getString("email"),
                rs.getString("name"), Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
                rs.getString("password_hash"), Rows.instant(rs, "created_at"), Rows.instant(rs, "disabled_at"),
                Set.copyOf(Arrays.asList(courses)));
    }

    /** Emails compare case-insensitively: stored and looked up in lower case. */
    static String normalEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
