package io.cuepoint.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills a migrated Cuepoint database with completed videos and their events for the load benchmark, inside
 * PostgreSQL (generate_series, one INSERT ... SELECT per table), so a million events take about a minute.
 * <p>
 * The videos are 20 to 90 minute lectures spread over three tenants with four courses each. Each gets events in
 * proportion to its length, spread uniformly over its duration, in the mix of types and with the JSON shapes and
 * sizes the analyzers produce (measured on `cuepoint analyze vtest.avi`: a pose sample 1.4 KB with 17 keypoints, a
 * face 0.85 KB, an object 0.42 KB, an interval 0.3 to 0.5 KB). Deterministic: the same arguments give the same rows.
 */
final class EventSeeder {
    /** Bump when the generated data changes, so cached databases are seeded again. */
    static final int VERSION = 1;
    static final List<String> COURSES = List.of(
            "default", "bench-anatomy", "bench-surgery", "bench-ethics",
            "bench-north-physics", "bench-north-calculus", "bench-north-chemistry", "bench-north-biology",
            "bench-south-law", "bench-south-economics", "bench-south-history", "bench-south-skills");

    /** One event type: its share of all events, how it looks, how long it lasts. */
    private record Kind(String type, double weight, String detector, String model, String shape, int maxMs) {
    }

    // Weights: a lecture-capture mix; pose, object and face samples dominate, as in real output.
    private static final List<Kind> KINDS = List.of(
            new Kind("person.pose", 22, "pose", "movenet-lightning@sha256:820996ebc95e", "pose", 0),
            new Kind("object.detected", 18, "objects", "centernet@sha256:d82f7efbe219", "object", 0),
            new Kind("face.detected", 10, "faces", "blazeface@sha256:c2b3e51d720d+emotion@sha256:27f76db88b60", "face", 0),
            new Kind("person.present", 4, "pose", "movenet-lightning@sha256:820996ebc95e", "present", 60_000),
            new Kind("object.present", 4, "objects", "centernet@sha256:d82f7efbe219", "present", 60_000),
            new Kind("face.present", 3, "faces", "blazeface@sha256:c2b3e51d720d+emotion@sha256:27f76db88b60", "present", 30_000),
            new Kind("motion.active", 5, "motion", null, "motion", 90_000),
            new Kind("motion.idle", 3, "motion", null, "motion", 90_000),
            new Kind("speech.active", 6, "speech", null, "speech", 30_000),
            new Kind("speech.pause", 4, "speech", null, "speech", 5_000),
            new Kind("shot.cut", 3, "shots", null, "cut", 0),
            new Kind("slide.shown", 5, "slides", null, "slide", 180_000),
            new Kind("presenter.visible", 3, "presenter", null, "presenter", 120_000),
            new Kind("presenter.gesturing", 3, "presenter", null, "presenter", 20_000),
            new Kind("presenter.facing", 2, "presenter", null, "presenter", 60_000),
            new Kind("face.count", 2, "faces", "blazeface@sha256:c2b3e51d720d+emotion@sha256:27f76db88b60", "count", 0),
            new Kind("hand.active", 1, "skills", null, "hand", 10_000),
            new Kind("hand.idle", 1, "skills", null, "hand", 10_000),
            new Kind("skills.segment", 1, "skills", null, "skills", 30_000));

    /** Not a secret: the benchmark's database holds made-up data only. */
    private static final String SECRET = "benchmarkload0123456789abcdef";
    private static final String POSE_KEYPOINTS = "'{nose,left_eye,right_eye,left_ear,right_ear,left_shoulder,"
            + "right_shoulder,left_elbow,right_elbow,left_wrist,right_wrist,left_hip,right_hip,left_knee,right_knee,"
            + "left_ankle,right_ankle}'";
    private static final String FACE_KEYPOINTS = "'{right_eye,left_eye,nose,mouth,right_ear,left_ear}'";

    private EventSeeder() {
    }

    /** The event types the seeder writes, for the load generator's search filters. */
    static List<String> types() {
        return KINDS.stream().map(Kind::type).toList();
    }

    /** Whether the database already holds exactly this seed. */
    static boolean seeded(Connection c, long events, int videos) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_seed (events BIGINT, videos INT, version INT, "
                    + "seconds DOUBLE PRECISION, at TIMESTAMPTZ DEFAULT now())");
            try (var rs = s.executeQuery("SELECT events, videos, version FROM bench_seed")) {
                return rs.next() && rs.getLong(1) == events && rs.getInt(2) == videos && rs.getInt(3) == VERSION;
            }
        }
    }

    /** Replaces every video with {@code videos} seeded ones holding {@code events} events in all, then ANALYZEs. */
    static void seed(Connection c, long events, int videos) throws SQLException {
        long t0 = System.nanoTime();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (var s = c.createStatement()) {
            // The load is rebuilt on failure, so a crash may lose it: skip the WAL flush per commit.
            s.execute("SET LOCAL synchronous_commit = off");
            s.execute("SELECT setseed(0.42)");
            s.execute("DELETE FROM videos");
            s.execute("DELETE FROM bench_seed");
            s.execute("INSERT INTO tenants (id, name) VALUES ('bench-north', 'Northfield Medical School'), "
                    + "('bench-south', 'Southbank University') ON CONFLICT DO NOTHING");
            for (String course : COURSES) {
                if (!course.equals("default")) {
                    s.execute(String.format("INSERT INTO courses (id, tenant_id, name) VALUES ('%s', '%s', '%s') "
                            + "ON CONFLICT DO NOTHING", course, tenantOf(course), course.replaceFirst("^bench-", "")));
                }
            }
            for (String tenant : List.of("default", "bench-north", "bench-south")) {
                // An admin and an API key per tenant, so that the load reads each tenant's videos as that tenant
                // once stored keys are accepted; only the SHA-256 of the secret is stored, as for real keys.
                String user = "bench-admin-" + tenant;
                s.execute(String.format("INSERT INTO users (id, tenant_id, email, name, role) VALUES ('%s', '%s', "
                        + "'%s@bench.invalid', 'Benchmark admin', 'admin') ON CONFLICT DO NOTHING", user, tenant, user));
                s.execute(String.format("INSERT INTO api_keys (id, tenant_id, user_id, name, secret_hash, scopes) "
                        + "VALUES ('%s', '%s', '%s', 'load benchmark', sha256(convert_to('%s', 'UTF8')), "
                        + "'{events:read}') ON CONFLICT (id) DO NOTHING", keyId(tenant), tenant, user, SECRET));
            }
            s.execute(videosSql(videos, events));
            s.execute(kindsSql());
            s.execute("CREATE TEMP TABLE bench_keypoints ON COMMIT DROP AS SELECT n, "
                    + keypointsSql(POSE_KEYPOINTS) + " AS pose, " + keypointsSql(FACE_KEYPOINTS) + " AS face "
                    + "FROM generate_series(0, 255) n");
            s.execute(EVENTS_SQL);
            s.execute(String.format(Locale.ROOT, "INSERT INTO bench_seed (events, videos, version, seconds) "
                    + "VALUES (%d, %d, %d, %.1f)", events, videos, VERSION, (System.nanoTime() - t0) / 1e9));
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        try (var s = c.createStatement()) {
            s.execute("VACUUM ANALYZE videos");
            s.execute("VACUUM ANALYZE events");
        }
    }

    /** Writes id, tenant, course and duration of each video, tab-separated, for the load generator. */
    static void writeVideos(Connection c, Path file) throws SQLException, IOException {
        var lines = new ArrayList<String>();
        try (var s = c.createStatement();
             var rs = s.executeQuery("SELECT id, tenant_id, course_id, duration_ms FROM videos ORDER BY id")) {
            while (rs.next()) {
                lines.add(rs.getString(1) + "\t" + rs.getString(2) + "\t" + rs.getString(3) + "\t" + rs.getLong(4));
            }
        }
        Files.write(file, lines);
    }

    /** The stored API key of a tenant, in the {@code cpk_<id>_<secret>} form. */
    static String apiKey(String tenant) {
        return "cpk_" + keyId(tenant) + "_" + SECRET;
    }

    private static String keyId(String tenant) {
        return "bench" + tenant.replace("bench-", "").replace("-", "");
    }

    static String tenantOf(String course) {
        return course.startsWith("bench-north") ? "bench-north" : course.startsWith("bench-south") ? "bench-south"
                : "default";
    }

    /** Videos of 20 to 90 minutes, each with its share of the events in proportion to its length. */
    private static String videosSql(int videos, long events) {
        var courses = new StringBuilder();
        var tenants = new StringBuilder();
        for (String course : COURSES) {
            courses.append(courses.isEmpty() ? "" : ",").append(course);
            tenants.append(tenants.isEmpty() ? "" : ",").append(tenantOf(course));
        }
        return String.format(Locale.ROOT, """
                CREATE TEMP TABLE bench_videos ON COMMIT DROP AS
                SELECT id, duration_ms, course, tenant,
                       floor(%1$d::numeric * cum / sum(duration_ms) OVER ())
                         - floor(%1$d::numeric * (cum - duration_ms) / sum(duration_ms) OVER ()) AS n
                FROM (SELECT id, duration_ms, course, tenant, sum(duration_ms) OVER (ORDER BY id) AS cum
                      FROM (SELECT format('bench-v%%s', lpad(i::text, 5, '0')) AS id,
                                   (1200000 + floor(random() * 4200000))::bigint AS duration_ms,
                                   ('{%2$s}'::text[])[1 + i %% %3$d] AS course,
                                   ('{%4$s}'::text[])[1 + i %% %3$d] AS tenant
                            FROM generate_series(1, %5$d) i) d) c;
                INSERT INTO videos (id, tenant_id, course_id, filename, source_path, status, decode_fraction,
                    segment_ms, segments_expected, segments_done, frames, duration_ms, frame_rate, width, height,
                    rotation, container_format, video_codec, audio_codec, has_audio, audio_sample_rate,
                    audio_channels, size_bytes, created_at, updated_at, completed_at)
                SELECT id, tenant, course, id || '.mp4', '/srv/lectures/' || id || '.mp4', 'COMPLETED', 1,
                    30000, ceil(duration_ms / 30000.0), ceil(duration_ms / 30000.0), duration_ms * 25 / 1000,
                    duration_ms, 25, 1280, 720, 0, 'mov,mp4,m4a,3gp,3g2,mj2', 'h264', 'aac', true, 48000, 1,
                    duration_ms * 125, now() - interval '1 minute' * row_number() OVER (ORDER BY id DESC),
                    now(), now()
                FROM bench_videos
                """, events, courses, COURSES.size(), tenants, videos);
    }

    private static String kindsSql() {
        double total = KINDS.stream().mapToDouble(Kind::weight).sum();
        var sql = new StringBuilder("CREATE TEMP TABLE bench_kinds ON COMMIT DROP AS SELECT * FROM (VALUES ");
        double lo = 0;
        for (int i = 0; i < KINDS.size(); i++) {
            Kind k = KINDS.get(i);
            double hi = i == KINDS.size() - 1 ? 1.0 : lo + k.weight() / total;
            sql.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "('%s', %.6f::float8, %.6f::float8, '%s', %s, '%s', %d)", k.type(), lo, hi, k.detector(),
                    k.model() == null ? "NULL::text" : "'" + k.model() + "'", k.shape(), k.maxMs()));
            lo = hi;
        }
        return sql.append(") AS k (type, lo, hi, detector, model, shape, max_ms)").toString();
    }

    /** 256 keypoint sets per shape, jittered around a standing presenter; n keeps the subquery per row. */
    private static String keypointsSql(String names) {
        return "(SELECT jsonb_agg(jsonb_build_object('name', k, 'x', round((0.4 + 0.2 * random())::numeric, 4), "
                + "'y', round((0.2 + 0.6 * random())::numeric, 4), 'score', round((0.3 + 0.7 * random())::numeric, 4)) "
                + "ORDER BY o) FROM unnest(" + names + "::text[]) WITH ORDINALITY AS u (k, o) WHERE n >= 0)";
    }

    // r picks the type, t the start, d the length, q the confidence, b the box; volatile columns keep the
    // subquery from being flattened, so every row draws its own numbers.
    private static final String EVENTS_SQL = """
            INSERT INTO events (id, video_id, type, start_ms, end_ms, start_frame, end_frame, confidence, track,
                                merged, json, local_track)
            SELECT id, video_id, type, start_ms, end_ms, start_ms * 25 / 1000, end_ms * 25 / 1000, confidence, track,
                   false,
                   jsonb_strip_nulls(jsonb_build_object('schema', 1, 'id', id, 'videoId', video_id, 'type', type,
                       'startMs', start_ms, 'endMs', end_ms, 'startFrame', start_ms * 25 / 1000,
                       'endFrame', end_ms * 25 / 1000, 'confidence', confidence, 'track', track,
                       'box', CASE WHEN shape IN ('pose', 'object', 'face') THEN jsonb_build_object(
                           'left', round(bx::numeric, 4), 'top', round(by::numeric, 4),
                           'right', round((bx + 0.05 + 0.2 * b)::numeric, 4),
                           'bottom', round((by + 0.1 + 0.3 * b)::numeric, 4)) END,
                       'keypoints', CASE shape WHEN 'pose' THEN (SELECT pose FROM bench_keypoints WHERE n = g % 256)
                                               WHEN 'face' THEN (SELECT face FROM bench_keypoints WHERE n = g % 256) END,
                       'attributes', CASE shape
                           WHEN 'pose' THEN '{}'::jsonb
                           WHEN 'object' THEN jsonb_build_object('label', (ARRAY['person','laptop','chair','book',
                               'cell phone','bottle','tv'])[1 + (g % 7)])
                           WHEN 'face' THEN jsonb_build_object('yawDeg', round((60 * b - 30)::numeric, 1),
                               'expression', (ARRAY['neutral','happy','sad','surprise'])[1 + (g % 4)],
                               'facingCamera', b > 0.3, 'expressionScore', round(q::numeric, 3))
                           WHEN 'present' THEN jsonb_build_object('meanScore', round(confidence::numeric, 4),
                               'sampleCount', 1 + (end_ms - start_ms) / 500)
                           WHEN 'motion' THEN jsonb_build_object('sampleCount', 1 + (end_ms - start_ms) / 250,
                               'motionEnergy', b / 10)
                           WHEN 'speech' THEN jsonb_build_object('meanLoudnessDb', round((-40 + 25 * b)::numeric, 1),
                               'pitchHz', round((90 + 150 * q)::numeric, 1))
                           WHEN 'cut' THEN jsonb_build_object('score', round(q::numeric, 4))
                           WHEN 'slide' THEN jsonb_build_object('slide', 1 + start_ms / 90000,
                               'changeScore', round(q::numeric, 4), 'keyframe', 's' || (start_ms / 30000))
                           WHEN 'presenter' THEN jsonb_build_object('meanHeight', round((0.1 + 0.5 * b)::numeric, 4))
                           WHEN 'count' THEN jsonb_build_object('count', g % 3)
                           WHEN 'hand' THEN jsonb_build_object('hand', CASE WHEN g % 2 = 0 THEN 'left' ELSE 'right' END,
                               'meanSpeed', round((0.1 * b)::numeric, 4), 'peakSpeed', round((0.2 * b)::numeric, 4),
                               'pathLength', round(q::numeric, 4))
                           ELSE jsonb_build_object('left', jsonb_build_object('idleShare', round(b::numeric, 4),
                                   'meanSpeed', 0.071, 'peakSpeed', 0.1202, 'trackedMs', 5700, 'pathLength', 0.4047,
                                   'movementCount', 1),
                               'right', jsonb_build_object('idleShare', round(q::numeric, 4), 'meanSpeed', 0.0674,
                                   'peakSpeed', 0.1108, 'trackedMs', 6500, 'pathLength', 0.4381, 'movementCount', 1),
                               'source', 'pose', 'balance', round(b::numeric, 4)) END,
                       'producer', jsonb_build_object('analyzer', '0.1.0', 'detector', detector, 'model', model))),
                   track
            FROM (SELECT md5(e.video_id || ':' || e.g) AS id, e.video_id, e.g, k.type, k.shape, k.detector, k.model,
                         e.start_ms, least(e.duration_ms, e.start_ms + floor(e.d * k.max_ms)::bigint) AS end_ms,
                         CASE WHEN k.shape IN ('pose', 'object', 'face') THEN round((0.3 + 0.7 * e.q)::numeric, 4)::float8
                              ELSE round((0.5 + 0.5 * e.q)::numeric, 4)::float8 END AS confidence,
                         CASE WHEN k.shape IN ('pose', 'object', 'face', 'present')
                              THEN split_part(k.type, '.', 1) || '-s' || (e.start_ms / 30000) || '-' || (1 + e.g % 3)
                         END AS track,
                         e.q, e.b, 0.7 * e.b AS bx, 0.5 * e.q AS by
                  FROM (SELECT v.id AS video_id, v.duration_ms, g, random() AS r,
                               floor(random() * v.duration_ms)::bigint AS start_ms, random() AS d, random() AS q,
                               random() AS b
                        FROM bench_videos v CROSS JOIN LATERAL generate_series(1, v.n::int) g) e
                  JOIN bench_kinds k ON e.r >= k.lo AND e.r < k.hi) x
            """;
}
