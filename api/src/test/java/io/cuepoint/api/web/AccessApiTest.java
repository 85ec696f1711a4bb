package io.cuepoint.api.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.Records;
import io.cuepoint.api.TestKafka;
import io.cuepoint.api.access.AccessFixtures;
import io.cuepoint.api.access.AccessFixtures.TenantFixture;
import io.cuepoint.api.access.AccessFixtures.UserFixture;
import io.cuepoint.api.access.KeyUsage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.cuepoint.api.access.AccessFixtures.PASSWORD;
import static io.cuepoint.api.access.AccessFixtures.as;
import static io.cuepoint.api.web.Http.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Tenants, users, keys and per-video access over HTTP, against the real PostgreSQL and Kafka broker. */
@MicronautTest
class AccessApiTest extends HttpApiTestBase {
    private static final String SECRET = "a test secret that is long enough for HS256!";
    private static final byte[] VIDEO = "bytes of a video".getBytes();

    @Inject
    KeyUsage keyUsage;

    private AccessFixtures access;
    private TenantFixture a;
    private TenantFixture b;
    private String videoA;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cuepoint.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                "cuepoint.auth.jwt-secret", SECRET);
    }

    @BeforeAll
    void tenants() {
        access = new AccessFixtures(client);
        a = access.tenant("a");
        b = access.tenant("b");
        videoA = video(a.id(), a.defaultCourse());
    }

    @Test
    void signInGivesATokenThatActsAsTheUser() {
        var faculty = access.user(a, "faculty", a.defaultCourse());
        Map<String, Object> me = access.send(HttpRequest.GET("/api/v1/me"), faculty.token());
        assertThat(me).containsEntry("tenantId", a.id()).containsEntry("actor", "user:" + faculty.id())
                .containsEntry("role", "faculty").containsEntry("courses", List.of(a.defaultCourse()))
                .containsEntry("scopes", List.of("events:read", "videos:write"));

        assertThat(problem(client, login(faculty.email(), PASSWORD + "x"), 401).get("detail"))
                .isEqualTo("wrong email or password");
        assertThat(problem(client, login("nobody@example.test", PASSWORD), 401).get("detail"))
                .isEqualTo("wrong email or password");
    }

    @Test
    void aDisabledUserCannotSignInAndItsTokenAndKeysStopAtOnce() {
        var faculty = access.user(a, "faculty", a.defaultCourse());
        String key = access.key(a, faculty.id(), "events:read");
        assertThat(access.send(HttpRequest.GET("/api/v1/videos/" + videoA), key)).containsEntry("id", videoA);

        access.send(HttpRequest.PATCH("/api/v1/users/" + faculty.id(), Map.of("disabled", true)), a.adminToken());

        assertThat(problem(client, login(faculty.email(), PASSWORD), 401).get("detail")).isEqualTo("the user is disabled");
        assertThat(problem(client, as(HttpRequest.GET("/api/v1/me"), faculty.token()), 401).get("detail"))
                .isEqualTo("the user is disabled");
        problem(client, as(HttpRequest.GET("/api/v1/videos/" + videoA), key), 401);
    }

    @Test
    void expiredTamperedOrForeignTokensAreRefused() throws Exception {
        var admin = a.admin();
        String expired = jwt(SECRET, admin.id(), a.id(), Instant.now().minusSeconds(5));
        assertThat(problem(client, as(HttpRequest.GET("/api/v1/me"), expired), 401).get("detail"))
                .isEqualTo("the token has expired; sign in again");

        String foreign = jwt("another secret that is also long enough!!", admin.id(), a.id(),
                Instant.now().plusSeconds(600));
        problem(client, as(HttpRequest.GET("/api/v1/me"), foreign), 401);

        // The same signature over a payload naming another tenant.
        String[] parts = a.adminToken().split("\\.");
        String otherPayload = jwt(SECRET, admin.id(), b.id(), Instant.now().plusSeconds(600)).split("\\.")[1];
        problem(client, as(HttpRequest.GET("/api/v1/me"), parts[0] + "." + otherPayload + "." + parts[2]), 401);

        String valid = jwt(SECRET, admin.id(), a.id(), Instant.now().plusSeconds(600));
        assertThat(access.send(HttpRequest.GET("/api/v1/me"), valid)).containsEntry("tenantId", a.id());
    }

    @Test
    void aReadOnlyKeyReadsButCannotWriteAndARevokedKeyIsRefusedAtOnce() {
        var integration = access.user(a, "integration", a.defaultCourse());
        Map<String, Object> created = access.keyResource(a.adminToken(), integration.id(), "events:read");
        String key = (String) created.get("key");
        String id = (String) created.get("id");
        assertThat(key).startsWith("cpk_" + id + "_");

        assertThat(access.send(HttpRequest.GET("/api/v1/videos/" + videoA + "/timeline"), key)).containsKey("video");
        assertThat(problem(client, upload(key, null), 403).get("detail")).asString().contains("videos:write");
        problem(client, as(HttpRequest.DELETE("/api/v1/videos/" + videoA), key), 403);
        problem(client, as(HttpRequest.GET("/api/v1/users"), key), 403);

        // Listed without the secret; its use is recorded in the background, not on each request.
        keyUsage.flush();
        String listed = client.retrieve(as(HttpRequest.GET("/api/v1/api-keys"), a.adminToken()), String.class);
        assertThat(listed).contains(id).doesNotContain(key.substring(key.lastIndexOf('_') + 1));
        assertThat(AccessFixtures.parse("{\"keys\":" + listed + "}").get("keys").toString())
                .containsPattern("id=" + id + ",[^}]*lastUsedAt=20");

        client.exchange(as(HttpRequest.DELETE("/api/v1/api-keys/" + id), a.adminToken()));
        assertThat(problem(client, as(HttpRequest.GET("/api/v1/videos/" + videoA), key), 401).get("detail"))
                .isEqualTo("the API key was revoked");
        // Another tenant's admin cannot revoke (or learn of) it.
        problem(client, as(HttpRequest.DELETE("/api/v1/api-keys/" + id), b.adminToken()), 404);
        problem(client, as(HttpRequest.GET("/api/v1/videos/" + videoA), key.substring(0, key.length() - 1) + "0"), 401);
    }

    @Test
    void anotherTenantsVideoAnswersAsAMissingOneForEveryCredentialAndMethod() {
        var facultyB = access.user(b, "faculty", b.defaultCourse());
        String keyB = access.key(b, b.admin().id(), "events:read", "videos:write", "admin");
        String missing = UUID.randomUUID().toString();
        for (String credential : List.of(b.adminToken(), facultyB.token(), keyB)) {
            for (String id : List.of(videoA, missing)) {
                String base = "/api/v1/videos/" + id;
                for (MutableHttpRequest<?> request : List.<MutableHttpRequest<?>>of(HttpRequest.GET(base),
                        HttpRequest.GET(base + "/timeline"), HttpRequest.GET(base + "/events"),
                        HttpRequest.GET(base + "/slides"), HttpRequest.GET(base + "/regions"),
                        HttpRequest.DELETE(base), HttpRequest.POST(base + "/media-link", Map.of()),
                        HttpRequest.PUT(base + "/regions/bench", Map.of("box",
                                Map.of("left", 0.1, "top", 0.1, "right", 0.5, "bottom", 0.5))))) {
                    assertThat(problem(client, as(request, credential), 404).get("detail"))
                            .as("%s %s", request.getMethod(), request.getPath()).isEqualTo("no video " + id);
                }
            }
            assertThat(client.retrieve(as(HttpRequest.GET("/api/v1/videos"), credential), String.class))
                    .doesNotContain(videoA);
        }
        // Still there for its own tenant.
        assertThat(access.send(HttpRequest.GET("/api/v1/videos/" + videoA), a.adminToken())).containsEntry("id", videoA);
        // Admin endpoints stay within the tenant as well.
        problem(client, as(HttpRequest.PATCH("/api/v1/users/" + a.admin().id(), Map.of("disabled", true)),
                b.adminToken()), 404);
        problem(client, as(HttpRequest.PUT("/api/v1/courses/" + a.defaultCourse() + "/members/" + facultyB.id(),
                Map.of()), b.adminToken()), 404);
        assertThat(client.retrieve(as(HttpRequest.GET("/api/v1/users"), b.adminToken()), String.class))
                .doesNotContain(a.admin().id());
        problem(client, as(HttpRequest.GET("/api/v1/tenants"), b.adminToken()), 403);
    }

    @Test
    void facultySeesTheVideosOfItsCoursesOnlyAndAMembershipCountsAtOnce() {
        String anatomy = access.course(a, "anatomy-" + UUID.randomUUID());
        String surgery = access.course(a, "surgery-" + UUID.randomUUID());
        String inAnatomy = video(a.id(), anatomy);
        String inSurgery = video(a.id(), surgery);
        UserFixture faculty = access.user(a, "faculty", anatomy);

        String listed = client.retrieve(as(HttpRequest.GET("/api/v1/videos"), faculty.token()), String.class);
        assertThat(listed).contains(inAnatomy).doesNotContain(inSurgery).doesNotContain(videoA);
        problem(client, as(HttpRequest.GET("/api/v1/videos/" + inSurgery), faculty.token()), 404);

        access.send(HttpRequest.PUT("/api/v1/courses/" + surgery + "/members/" + faculty.id(), Map.of()),
                a.adminToken());
        assertThat(access.send(HttpRequest.GET("/api/v1/videos/" + inSurgery), faculty.token()))
                .containsEntry("id", inSurgery);
        // The admin sees every course of the tenant.
        assertThat(client.retrieve(as(HttpRequest.GET("/api/v1/videos?limit=500"), a.adminToken()), String.class))
                .contains(inAnatomy, inSurgery, videoA);
    }

    @Test
    void submissionsGoToTheNamedCourseOrTheDefaultOne() {
        String anatomy = access.course(a, "anatomy-" + UUID.randomUUID());
        String surgery = access.course(a, "surgery-" + UUID.randomUUID());

        assertThat(stored(submitted(upload(a.adminToken(), null)))).isEqualTo(a.id() + "/" + a.defaultCourse());
        assertThat(stored(submitted(upload(a.adminToken(), anatomy)))).isEqualTo(a.id() + "/" + anatomy);

        UserFixture one = access.user(a, "faculty", surgery);
        assertThat(stored(submitted(upload(one.token(), null)))).isEqualTo(a.id() + "/" + surgery);
        problem(client, upload(one.token(), anatomy), 404);
        problem(client, upload(one.token(), b.defaultCourse()), 404);

        UserFixture two = access.user(a, "faculty", anatomy, surgery);
        assertThat(problem(client, upload(two.token(), null), 400).get("detail")).asString()
                .contains(anatomy, surgery);
        // The operator acts in the default tenant, course "default".
        assertThat(stored(submitted(upload(ApiTestBase.KEY, null)))).isEqualTo("default/default");
    }

    @Test
    void requestsAndRefusalsAreAudited() {
        String keyB = access.key(b, b.admin().id(), "events:read");
        String actorB = "key:" + keyB.split("_")[1];
        problem(client, as(HttpRequest.GET("/api/v1/videos/" + videoA), keyB), 404);
        problem(client, HttpRequest.GET("/api/v1/videos/" + videoA), 401);
        client.retrieve(as(HttpRequest.GET("/api/v1/videos/" + videoA + "/timeline"), a.adminToken()), String.class);

        await().untilAsserted(() -> {
            String auditB = client.retrieve(as(HttpRequest.GET("/api/v1/audit"), b.adminToken()), String.class);
            assertThat(auditB).contains("\"actor\":\"" + actorB + "\",\"method\":\"GET\",\"path\":\"/api/v1/videos/"
                    + videoA + "\",\"videoId\":\"" + videoA + "\",\"status\":404");
            String auditA = client.retrieve(as(HttpRequest.GET("/api/v1/audit?limit=1000"), a.adminToken()),
                    String.class);
            // Each tenant reads its own entries only, though B's refusal named A's video.
            assertThat(auditA).contains("/api/v1/videos/" + videoA + "/timeline").doesNotContain(actorB);
            String operator = client.retrieve(as(HttpRequest.GET("/api/v1/audit?limit=1000"),
                    ApiTestBase.KEY), String.class);
            assertThat(operator).contains("\"status\":401");
        });
        // Newest first, a page at a time.
        Map<String, Object> first = access.send(HttpRequest.GET("/api/v1/audit?limit=2"), b.adminToken());
        assertThat(first.get("nextCursor")).isNotNull();
        Map<String, Object> second = access.send(HttpRequest.GET("/api/v1/audit?limit=2&cursor="
                + first.get("nextCursor")), b.adminToken());
        long lastOfFirst = ((Number) ((Map<?, ?>) ((List<?>) first.get("items")).get(1)).get("id")).longValue();
        long firstOfSecond = ((Number) ((Map<?, ?>) ((List<?>) second.get("items")).get(0)).get("id")).longValue();
        assertThat(firstOfSecond).isLessThan(lastOfFirst);
    }

    @Test
    void aMediaLinkOpensThatVideosMediaOnly() {
        Map<String, Object> link = access.send(HttpRequest.POST("/api/v1/videos/" + videoA + "/media-link", Map.of()),
                a.adminToken());
        String url = (String) link.get("url");
        assertThat(url).startsWith("/api/v1/videos/" + videoA + "/media?access=");
        assertThat(Instant.parse((String) link.get("expiresAt"))).isAfter(Instant.now());
        String token = url.substring(url.indexOf("access=") + "access=".length());

        // Past authentication: whatever the media route answers, it is not a 401.
        assertThat(status(HttpRequest.GET(url))).isNotEqualTo(401);
        problem(client, HttpRequest.GET("/api/v1/videos/" + videoA + "/media"), 401);
        problem(client, HttpRequest.GET("/api/v1/videos/" + videoA + "/timeline?access=" + token), 401);
        assertThat(status(HttpRequest.HEAD("/api/v1/videos/" + videoA + "/media?access=" + token))).isEqualTo(401);
        String other = video(a.id(), a.defaultCourse());
        problem(client, HttpRequest.GET("/api/v1/videos/" + other + "/media?access=" + token), 401);
        problem(client, HttpRequest.GET(url.substring(0, url.length() - 2) + "xx"), 401);
    }

    @Test
    void tenantsAreForOperatorsAndEachGetsADefaultCourse() {
        String tenants = client.retrieve(as(HttpRequest.GET("/api/v1/tenants"), ApiTestBase.KEY), String.class);
        assertThat(tenants).contains(a.id(), b.id(), "\"default\"");
        String courses = client.retrieve(as(HttpRequest.GET("/api/v1/courses"), b.adminToken()), String.class);
        assertThat(courses).contains(b.defaultCourse()).doesNotContain(a.defaultCourse());
        problem(client, as(HttpRequest.POST("/api/v1/tenants", Map.of("name", "x")), a.adminToken()), 403);
    }

    private int status(MutableHttpRequest<?> request) {
        try {
            return client.exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private MutableHttpRequest<?> login(String email, String password) {
        return HttpRequest.POST("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    private MutableHttpRequest<?> upload(String credential, String course) {
        return as(HttpRequest.POST("/api/v1/videos" + (course == null ? "" : "?course=" + course),
                MultipartBody.builder().addPart("file", "clip.mp4", MediaType.of("video/mp4"), VIDEO).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE), credential);
    }

    private String submitted(MutableHttpRequest<?> request) {
        var response = client.exchange(request, String.class);
        assertThat(response.code()).isEqualTo(202);
        return (String) AccessFixtures.parse(response.body()).get("id");
    }

    /** tenant/course of a stored video. */
    private String stored(String id) {
        var v = db.read("test", c -> videos.find(c, id)).orElseThrow();
        return v.tenantId() + "/" + v.courseId();
    }

    private String video(String tenant, String course) {
        String id = UUID.randomUUID().toString();
        db.inTransaction("test", c -> {
            videos.insert(c, id, tenant, course, "lecture.mp4", "/media/" + id + "/lecture.mp4", Instant.now());
            return null;
        });
        materializer.apply(Records.started(id));
        return id;
    }

    private static String jwt(String secret, String user, String tenant, Instant expires) throws Exception {
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(user)
                .claim("tid", tenant).expirationTime(Date.from(expires)).build());
        jwt.sign(new MACSigner(secret.getBytes()));
        return jwt.serialize();
    }
}
