package io.cuepoint.api.security;

import io.cuepoint.api.store.Database;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything stored for one tenant as JSON text in a fixed order, so that two snapshots compare as strings:
 * courses, members, users, keys, videos with their events, segments and regions, webhooks. Columns that change on
 * mere use (a key's last use) are left out.
 */
final class TenantSnapshot {
    private static final String VIDEOS = "(SELECT id FROM videos WHERE tenant_id = ?)";
    private static final List<String> QUERIES = List.of(
            "SELECT coalesce(json_agg(t ORDER BY id), '[]')::text FROM courses t WHERE tenant_id = ?",
            "SELECT coalesce(json_agg(m ORDER BY m.course_id, m.user_id), '[]')::text FROM course_members m "
                    + "WHERE m.course_id IN (SELECT id FROM courses WHERE tenant_id = ?)",
            "SELECT coalesce(json_agg(t ORDER BY id), '[]')::text FROM users t WHERE tenant_id = ?",
            "SELECT coalesce(json_agg(to_jsonb(t) - 'last_used_at' ORDER BY id), '[]')::text FROM api_keys t "
                    + "WHERE tenant_id = ?",
            "SELECT coalesce(json_agg(t ORDER BY id), '[]')::text FROM videos t WHERE tenant_id = ?",
            "SELECT coalesce(json_agg(t ORDER BY id), '[]')::text FROM events t WHERE video_id IN " + VIDEOS,
            "SELECT coalesce(json_agg(t ORDER BY video_id, segment), '[]')::text FROM segments t WHERE video_id IN "
                    + VIDEOS,
            "SELECT coalesce(json_agg(t ORDER BY video_id, name), '[]')::text FROM regions t WHERE video_id IN "
                    + VIDEOS,
            "SELECT coalesce(json_agg(t ORDER BY id), '[]')::text FROM webhooks t WHERE tenant_id = ?");

    private TenantSnapshot() {
    }

    static String of(Database db, String tenantId) {
        var parts = new ArrayList<String>();
        for (String sql : QUERIES) {
            parts.add(db.read("snapshot", c -> {
                try (var ps = c.prepareStatement(sql)) {
                    ps.setString(1, tenantId);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
            }));
        }
        return String.join("\n", parts);
    }
}
