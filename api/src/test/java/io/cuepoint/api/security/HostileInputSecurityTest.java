package io.cuepoint.api.security;

import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.TestKafka;
import io.cuepoint.api.access.AccessFixtures;
import io.cuepoint.api.materialize.EventMaterializer;
import io.cuepoint.api.security.ApiSpec.Operation;
import io.cuepoint.api.security.ApiSpec.Param;
import io.cuepoint.api.store.Database;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input to every documented operation it fits. SQL-injection strings in every query parameter of every
 * GET operation and in every path parameter, one at a time: the answer is the caller's data, a 400 naming the
 * parameter, or what a harmless value gets, never a 500 nor another tenant's data; afterwards no table lost or
 * gained a row. Path traversal in the file names and oversized files for every multipart operation; loopback,
 * private and metadata addresses, directly and behind a redirect, for every operation that takes a URL.
 */
@MicronautTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputSecurityTest extends ApiTestBase {
    static final List<String> PAYLOADS = List.of("' OR '1'='1", "1; DROP TABLE events;--", "%27%20OR%201=1--",
            "\") OR 1=1 --", "\\", "\u2019 OR \u20181\u2019=\u20181", "\u02bc; DELETE FROM users;--",
            "1' UNION SELECT secret_hash::text FROM api_keys--", "*/ OR 1=1 /*", "$1", "-1", "1e309",
            "99999999999999999999", "a\u0000b", "x".repeat(3000) + "'");
    private static final int UPLOAD_LIMIT = 64 * 1024;
    private static final List<String> TABLES = List.of("videos", "events", "users", "api_keys", "courses",
            "course_members", "webhooks", "regions");

    @Inject
    @Client("/")
    HttpClient httpClient;
    @Inject
    EventMaterializer materializer;
    @Inject
    Database db;
    @Inject
    EmbeddedServer server;

    private final InternalServers internal = new InternalServers();

    private final List<Operation> operations = ApiSpec.load().operations("/api/v1/");
    private BlockingHttpClient client;
    private SecurityWorld world;
    private Map<String, Long> rowsBefore;

    @AfterAll
    void stopServers() {
        internal.close();
    }

    @Override
    protected Map<String, String> extraProperties() {
        var p = new HashMap<>(SecurityWorld.properties());
        p.put("cuepoint.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        p.put("cuepoint.max-upload-bytes", Integer.toString(UPLOAD_LIMIT));
        // The redirecting server's own address; every address it redirects to stays refused.
        p.put("cuepoint.egress.allowed-networks", InternalServers.ALLOWED + "/32,198.51.100.0/24");
        return p;
    }

    @BeforeAll
    void world() {
        client = httpClient.toBlocking();
        world = new SecurityWorld(client, materializer);
        rowsBefore = rows();
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> injectionStringsInEveryQueryParameter() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations) {
            if (!op.method().equals("GET")) {
                continue;
            }
            for (Param param : op.in("query")) {
                for (String payload : PAYLOADS) {
                    tests.add(DynamicTest.dynamicTest(op + "?" + param.name() + "=" + shown(payload), () -> {
                        int baseline = Answer.send(client, AccessFixtures.as(world.request(op, world.a),
                                world.a.adminToken())).status();
                        Answer answer = Answer.send(client, AccessFixtures.as(world.request(op, world.a, Map.of(),
                                Map.of(param.name(), payload)), world.a.adminToken()));
                        judge(answer, param.name(), baseline);
                    }));
                }
            }
        }
        assertThat(tests).as("query parameters under test").hasSizeGreaterThan(10 * PAYLOADS.size());
        return tests.stream();
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> injectionStringsInEveryPathParameterOfAGet() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations) {
            if (!op.method().equals("GET") || op.in("path").isEmpty()) {
                continue;
            }
            String real = world.request(op, world.a).getPath();
            for (String payload : PAYLOADS) {
                String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20");
                // Each filled segment in turn: the first one that differs from the template holds a parameter.
                String[] template = op.path().split("/");
                String[] filled = real.split("/");
                for (int i = 0; i < template.length; i++) {
                    if (!template[i].contains("{")) {
                        continue;
                    }
                    String[] hostile = filled.clone();
                    hostile[i] = encoded;
                    String uri = String.join("/", hostile);
                    tests.add(DynamicTest.dynamicTest(op + " with " + template[i] + " = " + shown(payload), () -> {
                        Answer answer = Answer.send(client, AccessFixtures.as(HttpRequest.GET(uri),
                                world.a.adminToken()));
                        assertThat(answer.status()).as("%s answered %s: %s", uri, answer.status(), answer.body())
                                .isIn(400, 404);
                        answer.assertProblem(answer.status(), world.b.marker(), world.b.video());
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> injectionStringsInSignIn() {
        return PAYLOADS.stream().flatMap(payload -> Stream.of("email", "password").map(field ->
                DynamicTest.dynamicTest("POST /api/v1/auth/login with " + field + " = " + shown(payload), () -> {
                    var body = new LinkedHashMap<String, Object>(Map.of("email", world.a.admin().email(),
                            "password", AccessFixtures.PASSWORD));
                    body.put(field, payload);
                    Answer answer = Answer.send(client, HttpRequest.POST("/api/v1/auth/login", body));
                    assertThat(answer.status()).as("%s: %s", field, answer.body()).isIn(400, 401);
                    answer.assertProblem(answer.status());
                })));
    }

    @Test
    @Order(4)
    void noTableGainedOrLostARow() {
        assertThat(rows()).isEqualTo(rowsBefore);
    }

    @TestFactory
    @Order(5)
    Stream<DynamicTest> uploadsKeepTheirFilesInsideTheMediaFolderAndStopAtTheLimit() {
        List<Operation> uploads = operations.stream().filter(op -> op.consumes().contains("multipart/form-data"))
                .toList();
        assertThat(uploads).extracting(Operation::toString).contains("POST /api/v1/videos");
        return uploads.stream().flatMap(op -> Stream.of(
                DynamicTest.dynamicTest(op + " with path traversal in the file name", () -> {
                    for (String name : RawUploads.HOSTILE_NAMES) {
                        var answer = uploads().send(op.path(), name, SecurityWorld.UPLOAD);
                        assertThat(answer.statusCode()).as("%s: %s", name, answer.body()).isIn(202, 400);
                    }
                    uploads().assertNothingEscaped();
                }),
                DynamicTest.dynamicTest(op + " with an oversized file", () -> {
                    var answer = uploads().send(op.path(), "big.mp4", new byte[UPLOAD_LIMIT + 1]);
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
                    assertThat(answer.body()).contains("cuepoint.max-upload-bytes");
                })));
    }

    @TestFactory
    @Order(6)
    Stream<DynamicTest> urlsAtInternalAddressesAreRefusedDirectlyAndAfterRedirects() {
        List<Operation> fetching = operations.stream().filter(op -> op.bodySchema().containsKey("properties")
                && ((Map<?, ?>) op.bodySchema().get("properties")).containsKey("url")).toList();
        assertThat(fetching).extracting(Operation::toString).contains("POST /api/v1/videos", "POST /api/v1/webhooks");
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : fetching) {
            for (String url : internal.direct()) {
                tests.add(DynamicTest.dynamicTest(op + " with url " + url, () -> refused(op, url)));
            }
        }
        // Only a URL source is fetched at once; a webhook's redirects are the delivery's business.
        for (String url : internal.redirects()) {
            Operation source = fetching.stream().filter(op -> op.path().equals("/api/v1/videos")).findFirst()
                    .orElseThrow();
            tests.add(DynamicTest.dynamicTest(source + " with url " + url + " (redirected inside)",
                    () -> refused(source, url)));
        }
        tests.add(DynamicTest.dynamicTest("a redirect to an allowed address is followed", () -> {
            Answer answer = Answer.send(client, AccessFixtures.as(HttpRequest.POST("/api/v1/videos",
                    Map.of("url", internal.allowedRedirect())), world.a.adminToken()));
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        }));
        tests.add(DynamicTest.dynamicTest("no internal address was ever contacted",
                () -> assertThat(internal.contacted()).isEmpty()));
        return tests.stream();
    }

    private void refused(Operation op, String url) {
        Answer answer = Answer.send(client, AccessFixtures.as(HttpRequest.create(
                io.micronaut.http.HttpMethod.valueOf(op.method()), op.path()).body(Map.of("url", url)),
                world.a.adminToken()));
        assertThat(answer.assertProblem(400).get("detail")).as(url).asString().contains("refused");
    }

    private RawUploads uploads() {
        return new RawUploads(server.getPort(), world.a.adminToken(), dataDir, mediaDir());
    }

    /** 2xx with only A's data, a 400 naming the parameter, or the status a harmless request gets; never a 5xx. */
    private void judge(Answer answer, String param, int baseline) {
        assertThat(answer.status()).as("%s answered %s: %s", answer.request(), answer.status(), answer.body())
                .isLessThan(500);
        if (answer.ok()) {
            assertThat(answer.body()).as(answer.request()).doesNotContain(world.b.marker(), world.b.video(),
                    world.b.tenant().id(), world.b.course());
        } else if (answer.status() == 400) {
            assertThat(answer.assertProblem(400, world.b.marker()).get("detail")).as(answer.request()).asString()
                    .contains(param);
        } else {
            assertThat(answer.status()).as("%s answered %s: %s", answer.request(), answer.status(), answer.body())
                    .isEqualTo(baseline);
            answer.assertProblem(baseline, world.b.marker());
        }
    }

    private Map<String, Long> rows() {
        var counts = new LinkedHashMap<String, Long>();
        for (String table : TABLES) {
            counts.put(table, db.read("counting", c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    return rs.getLong(1);
                }
            }));
        }
        return counts;
    }

    private static String shown(String payload) {
        String printable = payload.replace("\u0000", "\\0");
        return printable.length() > 40 ? printable.substring(0, 12) + "...(" + printable.length() + " chars)" : printable;
    }
}
