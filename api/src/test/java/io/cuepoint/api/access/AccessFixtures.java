package io.cuepoint.api.access;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.api.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tenants, courses, users and API keys made through the real HTTP API, for tests of anything behind access
 * control. Starts from an operator key ({@link ApiTestBase#KEY}); every tenant it makes has an admin who is signed
 * in. Typical use:
 *
 * <pre>{@code
 * var access = new AccessFixtures(client);
 * var a = access.tenant("a");                                  // tenant + signed-in admin + default course
 * String course = access.course(a, "anatomy");
 * var faculty = access.user(a, "faculty", course);             // member of that course, signed in
 * String key = access.key(a, faculty.id(), "events:read");     // cpk_<id>_<secret>
 * client.retrieve(AccessFixtures.as(HttpRequest.GET("/api/v1/videos"), key), String.class);
 * }</pre>
 */
public final class AccessFixtures {
    /** The password of every user made here (long enough for the minimum). */
    public static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final AtomicInteger USERS = new AtomicInteger();

    private final BlockingHttpClient client;

    /**
     * A tenant made for a test.
     *
     * @param defaultCourse the id of its course named "default"
     * @param admin         its first admin, signed in
     */
    public record TenantFixture(String id, String name, String defaultCourse, UserFixture admin) {
        /** The admin's sign-in token: the credential to administer this tenant with. */
        public String adminToken() {
            return admin.token();
        }
    }

    /** A user made for a test, signed in with {@link #PASSWORD}; {@code token} is its JWT. */
    public record UserFixture(String id, String email, String role, String token) {
    }

    public AccessFixtures(BlockingHttpClient client) {
        this.client = client;
    }

    /** Adds {@code Authorization: Bearer <credential>} (an API key, operator key or JWT). */
    public static <T> MutableHttpRequest<T> as(MutableHttpRequest<T> request, String credential) {
        return request.header("Authorization", "Bearer " + credential);
    }

    /** A new tenant (name made unique) with its default course and a signed-in admin. */
    public TenantFixture tenant(String name) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + unique + "@example.test";
        Map<String, Object> created = send(HttpRequest.POST("/api/v1/tenants",
                Map.of("name", unique, "admin", Map.of("email", email, "password", PASSWORD))), ApiTestBase.KEY);
        Map<String, Object> tenant = map(created.get("tenant"));
        Map<String, Object> admin = map(created.get("admin"));
        return new TenantFixture((String) tenant.get("id"), unique, (String) map(created.get("defaultCourse")).get("id"),
                new UserFixture((String) admin.get("id"), email, "admin", signIn(email, PASSWORD)));
    }

    /** A new course of the tenant; returns its id. */
    public String course(TenantFixture tenant, String name) {
        return (String) send(HttpRequest.POST("/api/v1/courses", Map.of("name", name)), tenant.adminToken()).get("id");
    }

    /** A new user of the tenant with {@code role} (admin, faculty, integration), member of {@code courses}, signed in. */
    public UserFixture user(TenantFixture tenant, String role, String... courses) {
        String email = role + "-" + USERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.test";
        Map<String, Object> user = send(HttpRequest.POST("/api/v1/users", Map.of("email", email, "role", role,
                "password", PASSWORD, "courses", List.of(courses))), tenant.adminToken());
        return new UserFixture((String) user.get("id"), email, role, signIn(email, PASSWORD));
    }

    /** A new API key acting for {@code userId} with {@code scopes}; returns the whole key. */
    public String key(TenantFixture tenant, String userId, String... scopes) {
        return keyResource(tenant.adminToken(), userId, scopes).get("key").toString();
    }

    /** The creation answer of a key made with {@code credential} (id, prefix, key, scopes, ...). */
    public Map<String, Object> keyResource(String credential, String userId, String... scopes) {
        return send(HttpRequest.POST("/api/v1/api-keys", Map.of("name", "test key", "userId", userId,
                "scopes", new ArrayList<>(List.of(scopes)))), credential);
    }

    /** Signs in; returns the token. */
    public String signIn(String email, String password) {
        return (String) parse(client.retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", email, "password", password)), String.class)).get("token");
    }

    /** Sends {@code request} with {@code credential}; the JSON answer as a map (empty for no body). */
    public Map<String, Object> send(MutableHttpRequest<?> request, String credential) {
        String body = client.retrieve(as(request, credential), String.class);
        return body == null || body.isEmpty() ? Map.of() : parse(body);
    }

    public static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
