package io.cuepoint.api.security;

import io.cuepoint.api.Records;
import io.cuepoint.api.access.AccessFixtures;
import io.cuepoint.api.access.AccessFixtures.TenantFixture;
import io.cuepoint.api.access.AccessFixtures.UserFixture;
import io.cuepoint.api.materialize.EventMaterializer;
import io.cuepoint.api.security.ApiSpec.Operation;
import io.cuepoint.api.security.ApiSpec.Param;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.uri.UriBuilder;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.cuepoint.api.Records.instant;

/**
 * Two tenants with something of every kind the api names by id (a video with events and a region, a course, a
 * user, an API key, a webhook), and a way to turn any documented operation into a request against one tenant's
 * ids. Tenant A's video and names carry markers that must never show up in an answer to anyone else.
 */
final class SecurityWorld {
    /** The kinds of thing a path, query or body names by id; each tenant has one of each. */
    enum Ref { VIDEO, COURSE, USER, KEY, WEBHOOK }

    /**
     * One tenant's things.
     *
     * @param admin   its admin, signed in
     * @param allKeys an API key of its admin with every scope
     * @param user    a faculty member of {@code course} (the user that updates and deletes aim at)
     * @param key     the id of an integration key of {@code user}
     * @param marker  a string in its video's file name and its course name, to look for in others' answers
     */
    record Side(TenantFixture tenant, UserFixture admin, String allKeys, String video, String course, UserFixture user,
                String key, String webhook, String marker) {
        String adminToken() {
            return admin.token();
        }

        String id(Ref ref) {
            return switch (ref) {
                case VIDEO -> video;
                case COURSE -> course;
                case USER -> user.id();
                case KEY -> key;
                case WEBHOOK -> webhook;
            };
        }
    }

    static final String REGION = "bench";
    static final byte[] UPLOAD = "bytes standing in for a lecture recording".getBytes();

    final AccessFixtures access;
    final Side a;
    final Side b;
    private final EventMaterializer materializer;

    SecurityWorld(BlockingHttpClient client, EventMaterializer materializer) {
        this.materializer = materializer;
        this.access = new AccessFixtures(client);
        this.a = side("a");
        this.b = side("b");
    }

    private Side side(String name) {
        TenantFixture tenant = access.tenant(name);
        String marker = "marker-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String course = access.course(tenant, "course-" + marker);
        UserFixture user = access.user(tenant, "faculty", course);
        UserFixture integration = access.user(tenant, "integration", course);
        String key = (String) access.keyResource(tenant.adminToken(), integration.id(), "events:read").get("id");
        String allKeys = access.key(tenant, tenant.admin().id(), "events:read", "videos:write", "admin");
        String video = (String) access.send(upload("/api/v1/videos?course=" + course, "lecture-" + marker + ".mp4"),
                tenant.adminToken()).get("id");
        materializer.apply(Records.started(video));
        materializer.apply(Records.segment(video, 0, List.of(instant(video, "shot.cut", 4_000, 0.9),
                instant(video, "slide.change", 9_000, 0.8))));
        materializer.apply(Records.completed(video, 1));
        access.send(HttpRequest.PUT("/api/v1/videos/" + video + "/regions/" + REGION,
                Map.of("box", Map.of("left", 0.1, "top", 0.1, "right", 0.5, "bottom", 0.5))), tenant.adminToken());
        // Made after the video completed, so no delivery is queued: the address is a documentation one.
        String webhook = (String) access.send(HttpRequest.POST("/api/v1/webhooks",
                Map.of("url", "http://198.51.100.7/hook", "events", List.of("video.completed"))),
                tenant.adminToken()).get("id");
        return new Side(tenant, tenant.admin(), allKeys, video, course, user, key, webhook, marker);
    }

    /** The properties a test server needs for this world: allowances for its webhooks, limits out of the way. */
    static Map<String, String> properties() {
        return Map.of("cuepoint.egress.allowed-networks", "198.51.100.0/24",
                "cuepoint.auth.rate-limit-burst", "1000000",
                "cuepoint.auth.rate-limit-per-second", "1000000",
                "cuepoint.auth.login-attempts-per-minute", "100000");
    }

    static MutableHttpRequest<?> upload(String uri, String filename) {
        return HttpRequest.POST(uri, MultipartBody.builder()
                .addPart("file", filename, MediaType.of("video/mp4"), UPLOAD).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    /** A request for {@code op} naming {@code owner}'s things, except those in {@code overrides}. */
    MutableHttpRequest<?> request(Operation op, Side owner) {
        return request(op, owner, Map.of(), Map.of());
    }

    /**
     * A request for {@code op}: path parameters, the {@code course} and {@code video} query parameters and the ids
     * in the body name {@code owner}'s things, or {@code refs}' where given; {@code query} adds or replaces query
     * parameters.
     */
    MutableHttpRequest<?> request(Operation op, Side owner, Map<Ref, String> refs, Map<String, String> query) {
        Map<Ref, String> ids = new HashMap<>();
        for (Ref r : Ref.values()) {
            ids.put(r, refs.getOrDefault(r, owner.id(r)));
        }
        UriBuilder uri = UriBuilder.of(path(op, ids));
        Map<String, String> values = new LinkedHashMap<>();
        for (Param p : op.in("query")) {
            switch (p.name()) {
                case "course" -> values.put("course", ids.get(Ref.COURSE));
                case "video" -> values.put("video", ids.get(Ref.VIDEO));
                default -> { }
            }
        }
        values.putAll(query);
        values.forEach(uri::queryParam);
        String target = uri.toString();
        if (!op.hasBody()) {
            return HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(op.method()), target);
        }
        if (op.consumes().contains(MediaType.MULTIPART_FORM_DATA)) {
            return upload(target, "clip.mp4");
        }
        return HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(op.method()), target)
                .contentType(MediaType.APPLICATION_JSON_TYPE).body(body(op, ids));
    }

    /** The path with its parameters filled; a parameter this world cannot name fails, so new ones get an id here. */
    static String path(Operation op, Map<Ref, String> ids) {
        String[] segments = op.path().split("/");
        for (int i = 1; i < segments.length; i++) {
            int open = segments[i].indexOf('{');
            if (open < 0) {
                continue;
            }
            String param = segments[i].substring(open + 1, segments[i].indexOf('}'));
            String value = switch (segments[i - 1]) {
                case "videos" -> ids.get(Ref.VIDEO);
                case "courses" -> ids.get(Ref.COURSE);
                case "users", "members" -> ids.get(Ref.USER);
                case "api-keys" -> ids.get(Ref.KEY);
                case "webhooks" -> ids.get(Ref.WEBHOOK);
                case "regions" -> REGION;
                case "heatmaps" -> "0";
                case "keyframes" -> "0.jpg";
                default -> throw new AssertionError(op + ": SecurityWorld knows nothing to put in {" + param
                        + "}; teach SecurityWorld.path which thing it names");
            };
            segments[i] = segments[i].replace("{" + param + "}", value);
        }
        return String.join("/", segments);
    }

    /** A small valid body; ids in it name {@code ids}. Unknown operations get the required fields, filled. */
    private static Map<String, Object> body(Operation op, Map<Ref, String> ids) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return switch (op.method() + " " + op.path()) {
            case "POST /api/v1/auth/login" -> Map.of("email", "nobody-" + unique + "@example.test",
                    "password", AccessFixtures.PASSWORD);
            case "POST /api/v1/api-keys" -> Map.of("name", "k-" + unique, "scopes", List.of("events:read"),
                    "userId", ids.get(Ref.USER));
            case "POST /api/v1/users" -> Map.of("email", "u-" + unique + "@example.test", "role", "faculty",
                    "password", AccessFixtures.PASSWORD, "courses", List.of(ids.get(Ref.COURSE)));
            case "PATCH /api/v1/users/{id}" -> Map.of("disabled", true);
            case "PUT /api/v1/videos/{id}/regions/{name}" -> Map.of("box",
                    Map.of("left", 0.2, "top", 0.2, "right", 0.9, "bottom", 0.9));
            case "POST /api/v1/videos" -> Map.of("url", "http://198.51.100.7/v.mp4");
            case "POST /api/v1/webhooks" -> Map.of("url", "http://198.51.100.8/hook");
            default -> required(op, unique);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> required(Operation op, String unique) {
        var body = new LinkedHashMap<String, Object>();
        Map<String, Object> properties = (Map<String, Object>) op.bodySchema().getOrDefault("properties", Map.of());
        for (Object name : (List<Object>) op.bodySchema().getOrDefault("required", List.of())) {
            Map<String, Object> schema = (Map<String, Object>) properties.getOrDefault(name, Map.of());
            Object example = schema.get("example");
            body.put((String) name, example != null ? example : switch (String.valueOf(schema.get("type"))) {
                case "array" -> List.of();
                case "boolean" -> false;
                case "integer", "number" -> 1;
                default -> name + "-" + unique;
            });
        }
        return body;
    }
}
