package io.cuepoint.api.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.TestKafka;
import io.cuepoint.api.access.AccessFixtures;
import io.cuepoint.api.access.AccessFixtures.UserFixture;
import io.cuepoint.api.materialize.EventMaterializer;
import io.cuepoint.api.security.ApiSpec.Operation;
import io.cuepoint.api.store.Database;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation the OpenAPI document lists under {@code /api/v1}, except signing in, refuses each kind of bad
 * credential with a 401 problem that holds no data. The operations come from the generated document, so an
 * endpoint added later is covered without touching this test.
 */
@MicronautTest
class CredentialSecurityTest extends ApiTestBase {
    static final String SECRET = "the security suite's signing secret, 32+ bytes";
    /** Operations that need no credential; the document may mark no others as public. */
    static final List<String> PUBLIC = List.of("POST /api/v1/auth/login");
    /** Endpoints the suite must find in the document, so that it cannot pass by finding nothing. */
    private static final List<String> CORE = List.of("GET /api/v1/videos", "POST /api/v1/videos",
            "GET /api/v1/videos/{id}", "DELETE /api/v1/videos/{id}", "GET /api/v1/videos/{id}/timeline",
            "GET /api/v1/videos/{id}/events", "GET /api/v1/videos/{id}/media", "POST /api/v1/videos/{id}/media-link",
            "PUT /api/v1/videos/{id}/regions/{name}", "POST /api/v1/auth/login", "GET /api/v1/me",
            "GET /api/v1/users", "POST /api/v1/users", "PATCH /api/v1/users/{id}", "GET /api/v1/courses",
            "PUT /api/v1/courses/{id}/members/{userId}", "GET /api/v1/api-keys", "POST /api/v1/api-keys",
            "DELETE /api/v1/api-keys/{id}", "GET /api/v1/audit", "GET /api/v1/tenants", "POST /api/v1/tenants",
            "GET /api/v1/webhooks", "POST /api/v1/webhooks", "DELETE /api/v1/webhooks/{id}",
            "GET /api/v1/webhooks/{id}/deliveries", "GET /api/v1/events", "GET /api/v1/videos/{id}/stream",
            "GET /api/v1/videos/{id}/exports/events.json", "GET /api/v1/videos/{id}/exports/chapters.vtt");

    @Inject
    @Client("/")
    HttpClient httpClient;
    @Inject
    EventMaterializer materializer;
    @Inject
    Database db;

    private final List<Operation> operations = ApiSpec.load().operations("/api/v1/");
    private BlockingHttpClient client;
    private SecurityWorld world;
    /** Each bad credential, as what it does to a request. */
    private final Map<String, UnaryOperator<MutableHttpRequest<?>>> credentials = new LinkedHashMap<>();

    @Override
    protected Map<String, String> extraProperties() {
        var p = new HashMap<>(SecurityWorld.properties());
        p.put("cuepoint.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        p.put("cuepoint.auth.jwt-secret", SECRET);
        return p;
    }

    @BeforeAll
    void world() throws Exception {
        client = httpClient.toBlocking();
        world = new SecurityWorld(client, materializer);
        var a = world.a;
        String admin = a.admin().id();
        String tenant = a.tenant().id();

        Map<String, Object> revoked = world.access.keyResource(a.adminToken(), admin, "events:read");
        client.exchange(AccessFixtures.as(HttpRequest.DELETE("/api/v1/api-keys/" + revoked.get("id")),
                a.adminToken()));
        Map<String, Object> expiring = world.access.keyResource(a.adminToken(), admin, "events:read");
        db.inTransaction("test", c -> {
            try (var ps = c.prepareStatement("UPDATE api_keys SET expires_at = now() - interval '1 minute' "
                    + "WHERE id = ?")) {
                ps.setString(1, (String) expiring.get("id"));
                return ps.executeUpdate();
            }
        });
        UserFixture disabled = world.access.user(a.tenant(), "faculty", a.course());
        String disabledKey = world.access.key(a.tenant(), disabled.id(), "events:read", "videos:write");
        world.access.send(HttpRequest.PATCH("/api/v1/users/" + disabled.id(), Map.of("disabled", true)),
                a.adminToken());

        credentials.put("no credential", r -> r);
        credentials.put("an unknown key", r -> r.header("X-API-Key", "not-a-key-of-this-server"));
        credentials.put("a stored key's id with a wrong secret", r -> bearer(r, "cpk_" + a.key() + "_" + "0".repeat(64)));
        credentials.put("a malformed bearer token", r -> bearer(r, "eyJhbGciOiJIUzI1NiJ9.not-json.x"));
        credentials.put("an empty bearer", r -> r.header("Authorization", "Bearer "));
        credentials.put("basic authentication", r -> r.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((a.admin().email() + ":" + AccessFixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8))));
        credentials.put("an unsigned token (alg none)", r -> bearer(r, new PlainJWT(new PlainHeader(),
                claims(admin, tenant, Instant.now().plusSeconds(600))).serialize()));
        credentials.put("a revoked key", r -> bearer(r, (String) revoked.get("key")));
        credentials.put("an expired key", r -> bearer(r, (String) expiring.get("key")));
        credentials.put("an expired token", r -> bearer(r, jwt(SECRET, admin, tenant, Instant.now().minusSeconds(5))));
        credentials.put("a token signed with another secret", r -> bearer(r,
                jwt("another secret that is also at least 32 bytes", admin, tenant, Instant.now().plusSeconds(600))));
        credentials.put("a key of a disabled user", r -> r.header("X-API-Key", disabledKey));
        credentials.put("a token of a disabled user", r -> bearer(r, disabled.token()));
    }

    @Test
    void theDocumentListsEveryCoreEndpointAndOnlySigningInAsPublic() {
        List<String> names = operations.stream().map(Operation::toString).toList();
        assertThat(names).containsAll(CORE);
        assertThat(operations.stream().filter(Operation::documentedPublic).map(Operation::toString))
                .as("operations the document says need no credential").containsExactlyElementsOf(PUBLIC);
        // Signing in works without a credential, and holds the only way in.
        var login = Answer.send(client, HttpRequest.POST("/api/v1/auth/login", Map.of("email",
                world.a.admin().email(), "password", AccessFixtures.PASSWORD)));
        assertThat(login.status()).isEqualTo(200);
        assertThat(AccessFixtures.parse(login.body())).containsKey("token");
    }

    @TestFactory
    Stream<DynamicTest> everyDataOperationRefusesEveryBadCredential() {
        assertThat(guarded()).hasSizeGreaterThanOrEqualTo(CORE.size() - PUBLIC.size());
        return guarded().stream().flatMap(op -> credentials.entrySet().stream().map(c ->
                DynamicTest.dynamicTest(op + " with " + c.getKey(), () -> {
                    Answer answer = Answer.send(client, c.getValue().apply(world.request(op, world.a)));
                    var problem = answer.assertProblem(401, world.a.marker(), world.a.admin().email(),
                            world.a.tenant().name());
                    assertThat(problem.get("detail")).asString().isNotBlank();
                    assertThat(answer.wwwAuthenticate()).as("WWW-Authenticate").startsWith("Bearer");
                })));
    }

    /**
     * Spellings of a path that a router might match while a filter on {@code /api/v1/**} does not: none of them
     * may reach data without a credential.
     */
    @TestFactory
    Stream<DynamicTest> noSpellingOfAPathSlipsPastAuthentication() {
        return guarded().stream().filter(op -> op.method().equals("GET")).flatMap(op -> {
            String path = SecurityWorld.path(op, Map.of(SecurityWorld.Ref.VIDEO, world.a.video(),
                    SecurityWorld.Ref.COURSE, world.a.course(), SecurityWorld.Ref.USER, world.a.user().id(),
                    SecurityWorld.Ref.KEY, world.a.key(), SecurityWorld.Ref.WEBHOOK, world.a.webhook()));
            String rest = path.substring("/api/v1/".length());
            return Stream.of(path + "/", "/api/v1//" + rest, "/api/v1/./" + rest, "/api/v1/x/../" + rest,
                    "/API/V1/" + rest, "/api/v1/%2e/" + rest, "/api/v1/%2fapi/v1/" + rest, path + ";a=b",
                    path + "%20")
                    .map(spelling -> DynamicTest.dynamicTest(op + " as " + spelling, () -> {
                        Answer answer = Answer.send(client, HttpRequest.GET(spelling));
                        assertThat(answer.status()).as("%s answered %s: %s", spelling, answer.status(),
                                answer.body()).isIn(400, 401, 404, 405);
                        assertThat(answer.body()).doesNotContain(world.a.marker());
                    }));
        });
    }

    private List<Operation> guarded() {
        return operations.stream().filter(op -> !PUBLIC.contains(op.toString()) && !op.documentedPublic()).toList();
    }

    private static MutableHttpRequest<?> bearer(MutableHttpRequest<?> r, String credential) {
        return r.header("Authorization", "Bearer " + credential);
    }

    private static JWTClaimsSet claims(String user, String tenant, Instant expires) {
        return new JWTClaimsSet.Builder().subject(user).claim("tid", tenant).claim("role", "admin")
                .expirationTime(Date.from(expires)).build();
    }

    static String jwt(String secret, String user, String tenant, Instant expires) {
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(user, tenant, expires));
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
