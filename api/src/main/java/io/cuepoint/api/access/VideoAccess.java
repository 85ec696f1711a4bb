package io.cuepoint.api.access;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.config.AuthConfig;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.Video;
import io.cuepoint.api.store.VideoRepository;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Whether a principal may see a video. A video of another tenant, or of a course the principal does not reach,
 * answers exactly as a missing one (404 "no video &lt;id&gt;"), so ids tell nothing about other tenants.
 */
@Singleton
public final class VideoAccess {
    /** Where a video belongs; it never moves, so it may be cached. */
    private record Owner(String tenantId, String courseId) {
    }

    private final Database db;
    private final VideoRepository videos;
    private final TtlCache<String, Optional<Owner>> owners;

    public VideoAccess(Database db, VideoRepository videos, AuthConfig config) {
        this.db = db;
        this.videos = videos;
        this.owners = new TtlCache<>(config.cacheTtl(), 10_000);
    }

    /** The video, when {@code p} may see it. @throws ApiException 404 otherwise */
    public Video require(Connection c, Principal p, String id) throws SQLException {
        return videos.find(c, id).filter(v -> p.sees(v.tenantId(), v.courseId())).orElseThrow(() -> missing(id));
    }

    /** Checks visibility without reading the whole row (the authentication filter's check). */
    public void check(Principal p, String id) {
        // Only a found owner is cached: a missing id may be created in a moment, a present one never moves.
        Owner owner = owners.get(id, v -> db.read("checking access to a video", c -> owner(c, v)),
                Optional::isPresent).orElse(null);
        if (owner == null || !p.sees(owner.tenantId, owner.courseId)) {
            throw missing(id);
        }
    }

    private static Optional<Owner> owner(Connection c, String id) throws SQLException {
        try (var ps = c.prepareStatement("SELECT tenant_id, course_id FROM videos WHERE id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Owner(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    static ApiException missing(String id) {
        return ApiException.notFound("no video " + id);
    }
}
