package io.cuepoint.api.security;

import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.TestKafka;
import io.cuepoint.api.access.AccessFixtures;
import io.cuepoint.api.materialize.EventMaterializer;
import io.cuepoint.api.security.ApiSpec.Operation;
import io.cuepoint.api.security.SecurityWorld.Ref;
import io.cuepoint.api.security.SecurityWorld.Side;
import io.cuepoint.api.store.Database;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B, with its admin's sign-in token and with an API key holding every scope, aims every documented
 * operation at tenant A's things: each path parameter, {@code course}/{@code video} query parameter and id in a
 * body in turn names A's thing while the rest name B's. A path naming A's thing answers 404; a filter or body
 * naming it gets exactly what naming a missing thing gets. B's listings never show A's things, and afterwards
 * A's data is as it was.
 */
@MicronautTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossTenantSecurityTest extends ApiTestBase {
    /** Operations only an operator may call: B's admin is refused them whatever they name. */
    private static final List<String> OPERATOR_ONLY = List.of("GET /api/v1/tenants", "POST /api/v1/tenants");

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
    private String before;
    private String timelineBefore;

    @Override
    protected Map<String, String> extraProperties() {
        var p = new HashMap<>(SecurityWorld.properties());
        p.put("cuepoint.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        return p;
    }

    @BeforeAll
    void world() {
        client = httpClient.toBlocking();
        world = new SecurityWorld(client, materializer);
        before = TenantSnapshot.of(db, world.a.tenant().id());
        timelineBefore = timelineOfA();
    }

    @Test
    @Order(1)
    void bsListingsNeverShowAsThings() {
        List<Operation> listings = operations.stream().filter(op -> op.method().equals("GET")
                && op.in("path").isEmpty() && !OPERATOR_ONLY.contains(op.toString())).toList();
        assertThat(listings).extracting(Operation::toString)
                .contains("GET /api/v1/videos", "GET /api/v1/events", "GET /api/v1/users", "GET /api/v1/api-keys",
                        "GET /api/v1/audit");
        for (String credential : List.of(world.b.adminToken(), world.b.allKeys())) {
            for (Operation op : listings) {
                // B's own course and video in the filters: whatever is listed is B's.
                Answer answer = Answer.send(client, AccessFixtures.as(world.request(op, world.b), credential));
                assertThat(answer.status()).as("%s: %s", op, answer.body()).isEqualTo(200);
                assertThat(answer.body()).as(op.toString()).doesNotContain(world.a.marker(), world.a.video(),
                        world.a.tenant().id(), world.a.admin().id(), world.a.user().id(), world.a.key(),
                        world.a.webhook(), world.a.course(), world.a.admin().email());
            }
        }
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> everyOperationNamingAsThingsAnswersAsForAMissingOne() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations) {
            if (OPERATOR_ONLY.contains(op.toString()) || op.documentedPublic()) {
                continue;
            }
            for (Ref ref : references(op)) {
                boolean inPath = inPath(op, ref);
                for (String who : List.of("admin token", "all-scope key")) {
                    String credential = who.equals("admin token") ? world.b.adminToken() : world.b.allKeys();
                    tests.add(DynamicTest.dynamicTest(op + " naming A's " + ref.name().toLowerCase() + " with B's "
                            + who, () -> {
                        String theirs = world.a.id(ref);
                        Answer answer = send(op, ref, theirs, credential);
                        if (inPath) {
                            answer.assertProblem(404, world.a.marker());
                            return;
                        }
                        // A filter or a body naming A's thing: exactly what naming a missing one gets.
                        String missing = "missing-" + UUID.randomUUID();
                        Answer control = send(op, ref, missing, credential);
                        assertThat(answer.status()).as("%s: %s", answer.request(), answer.body())
                                .isEqualTo(control.status());
                        assertThat(answer.body().replace(theirs, "<id>")).as(answer.request())
                                .isEqualTo(control.body().replace(missing, "<id>"));
                        if (!answer.ok()) {
                            answer.assertProblem(answer.status(), world.a.marker());
                        }
                    }));
                }
            }
        }
        assertThat(tests).as("cross-tenant cases").hasSizeGreaterThan(40);
        return tests.stream();
    }

    @Test
    @Order(3)
    void afterwardsAsDataIsAsItWas() {
        assertThat(TenantSnapshot.of(db, world.a.tenant().id())).isEqualTo(before);
        assertThat(timelineOfA()).isEqualTo(timelineBefore);
        // A's key and users still work.
        assertThat(Answer.send(client, HttpRequest.GET("/api/v1/me").header("Authorization", "Bearer "
                + world.a.user().token())).status()).isEqualTo(200);
    }

    /** What an operation names by id: its path parameters, course/video query parameters and ids in its body. */
    private static List<Ref> references(Operation op) {
        var refs = new ArrayList<Ref>();
        String path = op.path();
        if (path.contains("/videos/{id}")) {
            refs.add(Ref.VIDEO);
        }
        if (path.contains("/courses/{id}")) {
            refs.add(Ref.COURSE);
        }
        if (path.contains("/users/{id}") || path.contains("{userId}")) {
            refs.add(Ref.USER);
        }
        if (path.contains("/api-keys/{id}")) {
            refs.add(Ref.KEY);
        }
        if (path.contains("/webhooks/{id}")) {
            refs.add(Ref.WEBHOOK);
        }
        op.in("query").forEach(p -> {
            if (p.name().equals("course") && !refs.contains(Ref.COURSE)) {
                refs.add(Ref.COURSE);
            }
            if (p.name().equals("video") && !refs.contains(Ref.VIDEO)) {
                refs.add(Ref.VIDEO);
            }
        });
        switch (op.toString()) {
            case "POST /api/v1/api-keys" -> refs.add(Ref.USER);
            case "POST /api/v1/users" -> refs.add(Ref.COURSE);
            default -> { }
        }
        return refs;
    }

    private Answer send(Operation op, Ref ref, String id, String credential) {
        return Answer.send(client, AccessFixtures.as(world.request(op, world.b, Map.of(ref, id), Map.of()),
                credential));
    }

    private static boolean inPath(Operation op, Ref ref) {
        return switch (ref) {
            case VIDEO -> op.path().contains("/videos/{id}");
            case COURSE -> op.path().contains("/courses/{id}");
            case USER -> op.path().contains("/users/{id}") || op.path().contains("{userId}");
            case KEY -> op.path().contains("/api-keys/{id}");
            case WEBHOOK -> op.path().contains("/webhooks/{id}");
        };
    }

    private String timelineOfA() {
        Side a = world.a;
        return client.retrieve(AccessFixtures.as(HttpRequest.GET("/api/v1/videos/" + a.video() + "/timeline"),
                a.adminToken()), String.class);
    }
}
