package io.cuepoint.api.access;

import io.cuepoint.api.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code courses} and {@code course_members} tables. Every read is confined to one tenant. */
@Singleton
public final class CourseRepository {
    public Course insert(Connection c, String id, String tenantId, String name) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO courses (id, tenant_id, name) VALUES (?, ?, ?) "
                + "ON CONFLICT (tenant_id, name) DO NOTHING RETURNING created_at")) {
            ps.setString(1, id);
            ps.setString(2, tenantId);
            ps.setString(3, name);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ApiException(HttpStatus.CONFLICT,
                            "the tenant already has a course named " + name);
                }
                return new Course(id, name, Rows.instant(rs, "created_at"));
            }
        }
    }

    /** The tenant's courses by name. */
    public List<Course> list(Connection c, String tenantId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT id, name, created_at FROM courses WHERE tenant_id = ? ORDER BY name, id")) {
            ps.setString(1, tenantId);
            var result = new ArrayList<Course>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Course(rs.getString("id"), rs.getString("name"), Rows.instant(rs, "created_at")));
                }
            }
            return result;
        }
    }

    public Optional<Course> find(Connection c, String tenantId, String id) throws SQLException {
        try (var ps = c.prepareStatement("SELECT name, created_at FROM courses WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tenantId);
            ps.setString(2, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Course(id, rs.getString("name"), Rows.instant(rs, "created_at")))
                        : Optional.empty();
            }
        }
    }

    /** Makes the user a member; true when it was not one already. */
    public boolean addMember(Connection c, String courseId, String userId) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO course_members (course_id, user_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING")) {
            ps.setString(1, courseId);
            ps.setString(2, userId);
            return ps.executeUpdate() > 0;
        }
    }

    public boolean removeMember(Connection c, String courseId, String userId) throws SQLException {
        try (var ps = c.prepareStatement("DELETE FROM course_members WHERE course_id = ? AND user_id = ?")) {
            ps.setString(1, courseId);
            ps.setString(2, userId);
            return ps.executeUpdate() > 0;
        }
    }
}
