package io.cuepoint.api.web;

import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.Records;
import io.cuepoint.api.egress.LocalHttpServer;
import io.cuepoint.api.materialize.EventMaterializer;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.VideoRepository;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.cuepoint.api.egress.LocalHttpServer.respond;
import static io.cuepoint.api.web.Http.parse;
import static io.cuepoint.api.web.Http.problem;
import static io.cuepoint.api.web.Http.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end: created over the api, enqueued by the materializer's status change, sent by the dispatcher
 * to a real receiver on 127.0.0.1 (allowed here), signed, retried with backoff, logged.
 */
@MicronautTest
class WebhookApiTest extends ApiTestBase {
    private static final long BACKOFF_MS = 300;

    @Inject
    @Client("/")
    HttpClient httpClient;
    @Inject
    EventMaterializer materializer;
    @Inject
    Database db;
    @Inject
    VideoRepository videos;

    private final LocalHttpServer receiver = new LocalHttpServer();
    /** Status codes a path answers, in turn; 200 once they are used up. */
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private BlockingHttpClient client;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "cuepoint.egress.allowed-networks", "127.0.0.1/32",
                "cuepoint.webhooks.poll-ms", "50",
                "cuepoint.webhooks.backoff-base", BACKOFF_MS + "ms",
                "cuepoint.webhooks.backoff-max", "1s",
                "cuepoint.webhooks.max-attempts", "3");
    }

    @BeforeAll
    void setUp() {
        client = httpClient.toBlocking();
        receiver.on("/hooks/", exchange -> {
            Deque<Integer> script = scripts.get(exchange.getRequestURI().getPath());
            Integer status = script == null ? null : script.poll();
            respond(exchange, status == null ? 200 : status, "ok".getBytes());
        });
    }

    @AfterAll
    void tearDown() {
        receiver.close();
    }

    /** Every test starts without webhooks in the default tenant, so no test receives another's videos. */
    @BeforeEach
    void deleteWebhooks() {
        for (var webhook : list()) {
            String id = (String) webhook.get("id");
            client.exchange(withKey(HttpRequest.DELETE("/api/v1/webhooks/" + id)));
        }
    }

    @Test
    void aCompletionIsDeliveredOnceSignedWithTheSecret() throws Exception {
        var webhook = create("/hooks/once", List.of("video.completed"));
        String secret = (String) webhook.get("secret");
        assertThat(secret).startsWith("whsec_");
        String video = newVideo("default", "default");

        complete(video);

        Map<String, Object> delivery = awaitDelivery(webhook, "delivered");
        var requests = receiver.received("/hooks/once");
        assertThat(requests).singleElement();
        var request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("Cuepoint-Event")).isEqualTo("video.completed");
        assertThat(request.header("Cuepoint-Delivery")).isEqualTo(delivery.get("id"));
        String signature = request.header("Cuepoint-Signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = signature.substring(2, signature.indexOf(','));
        assertThat(Math.abs(Long.parseLong(t) - Instant.now().getEpochSecond())).isLessThan(300);
        assertThat(signature.substring(signature.indexOf("v1=") + 3)).isEqualTo(hmac(secret, t + "." + request.body()));
        assertThat(hmac("another secret", t + "." + request.body())).isNotEqualTo(signature.substring(
                signature.indexOf("v1=") + 3));

        Map<String, Object> body = parse(request.body());
        assertThat(body).containsEntry("event", "video.completed").containsEntry("deliveryId", delivery.get("id"))
                .containsEntry("webhookId", webhook.get("id"));
        assertThat((Map<String, Object>) body.get("video")).containsEntry("id", video)
                .containsEntry("status", "COMPLETED");
        assertThat(delivery).containsEntry("attempts", 1).containsEntry("lastStatusCode", 200)
                .containsEntry("videoId", video);
        assertThat(deliveryRows(video)).isEqualTo(1);
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffAndTheLogShowsEachAttempt() {
        scripts.put("/hooks/flaky", new ArrayDeque<>(List.of(500, 502)));
        var webhook = create("/hooks/flaky", List.of());
        complete(newVideo("default", "default"));

        Map<String, Object> delivery = awaitDelivery(webhook, "delivered");
        assertThat(delivery).containsEntry("attempts", 3).containsEntry("lastStatusCode", 200);
        List<Map<String, Object>> log = (List<Map<String, Object>>) delivery.get("log");
        assertThat(log).extracting(a -> a.get("statusCode")).containsExactly(500, 502, 200);
        assertThat(log).extracting(a -> a.get("attempt")).containsExactly(1, 2, 3);
        assertThat(log.get(0).get("error").toString()).contains("500");
        for (int i = 1; i < log.size(); i++) {
            Duration gap = Duration.between(Instant.parse((String) log.get(i - 1).get("at")),
                    Instant.parse((String) log.get(i).get("at")));
            assertThat(gap).as("gap before attempt %d", i + 1).isGreaterThanOrEqualTo(Duration.ofMillis(BACKOFF_MS));
        }
        var requests = receiver.received("/hooks/flaky");
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> r.header("Cuepoint-Delivery")).containsOnly((String) delivery.get("id"));
        for (int i = 1; i < requests.size(); i++) {
            long gapNanos = requests.get(i).atNanos() - requests.get(i - 1).atNanos();
            assertThat(gapNanos).isGreaterThanOrEqualTo(Duration.ofMillis(BACKOFF_MS).toNanos());
        }
    }

    @Test
    void aDeliveryFailsForGoodAfterTheLastAttempt() {
        scripts.put("/hooks/down", new ArrayDeque<>(List.of(503, 503, 503, 503, 503)));
        var webhook = create("/hooks/down", List.of());
        complete(newVideo("default", "default"));

        Map<String, Object> delivery = awaitDelivery(webhook, "failed");
        assertThat(delivery).containsEntry("attempts", 3).containsEntry("lastStatusCode", 503)
                .doesNotContainKey("deliveredAt").doesNotContainKey("nextAttemptAt");
        assertThat((List<?>) delivery.get("log")).hasSize(3);
        assertThat(receiver.received("/hooks/down")).hasSize(3);
    }

    @Test
    void replayedRecordsDoNotEnqueueAgain() {
        var webhook = create("/hooks/replay", List.of());
        String video = newVideo("default", "default");
        complete(video);
        awaitDelivery(webhook, "delivered");

        complete(video);
        materializer.apply(Records.completed(video, 1));
        materializer.apply(Records.segment(video, 0, List.of()));

        assertThat(deliveryRows(video)).isEqualTo(1);
        assertThat(deliveries(webhook)).hasSize(1);
    }

    @Test
    void aFailedVideoGoesToTheWebhooksThatWantFailures() {
        var failures = create("/hooks/failures", List.of("video.failed"));
        var completions = create("/hooks/completions", List.of("video.completed"));
        String video = newVideo("default", "default");
        materializer.apply(Records.started(video));
        materializer.apply(Records.failed(video, "corrupt container"));

        awaitDelivery(failures, "delivered");
        var body = parse(receiver.received("/hooks/failures").get(0).body());
        assertThat(body).containsEntry("event", "video.failed");
        assertThat((Map<String, Object>) body.get("video")).containsEntry("error", "corrupt container");
        assertThat(deliveries(completions)).isEmpty();
    }

    @Test
    void anotherTenantsWebhookNeverHearsOfThisTenantsVideos() {
        var ours = create("/hooks/tenant-a", List.of());
        String theirs = "b-hook-" + UUID.randomUUID();
        db.inTransaction("tenant b", c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("INSERT INTO tenants (id, name) VALUES ('b', 'Tenant B') ON CONFLICT DO NOTHING");
                st.executeUpdate("INSERT INTO courses (id, tenant_id, name) VALUES ('b-course', 'b', 'default') "
                        + "ON CONFLICT DO NOTHING");
            }
            try (var ps = c.prepareStatement("INSERT INTO webhooks (id, tenant_id, url, secret, events) "
                    + "VALUES (?, 'b', ?, 'whsec_b', ARRAY['video.completed', 'video.failed'])")) {
                ps.setString(1, theirs);
                ps.setString(2, receiver.url("/hooks/tenant-b"));
                ps.executeUpdate();
            }
            return null;
        });
        String videoA = newVideo("default", "default");
        String videoB = newVideo("b", "b-course");

        complete(videoA);
        awaitDelivery(ours, "delivered");
        complete(videoB);
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received("/hooks/tenant-b").isEmpty());

        assertThat(receiver.received("/hooks/tenant-b")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains(videoB).doesNotContain(videoA));
        assertThat(receiver.received("/hooks/tenant-a")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains(videoA).doesNotContain(videoB));
        assertThat(list()).extracting(w -> w.get("id")).doesNotContain(theirs);
        problem(client, withKey(HttpRequest.GET("/api/v1/webhooks/" + theirs + "/deliveries")), 404);
        problem(client, withKey(HttpRequest.DELETE("/api/v1/webhooks/" + theirs)), 404);
    }

    @Test
    void creatingChecksTheUrlAndShowsTheSecretOnce() {
        var refused = problem(client, post(Map.of("url", "http://10.0.0.1/hook")), 400);
        assertThat(refused.get("detail").toString()).contains("10.0.0.1 is a private address");
        assertThat(problem(client, post(Map.of("url", "http://169.254.169.254/latest")), 400).get("detail")
                .toString()).contains("cloud metadata");
        assertThat(problem(client, post(Map.of("url", "ftp://127.0.0.1/hook")), 400).get("detail").toString())
                .contains("only http and https");
        problem(client, post(Map.of()), 400);
        assertThat(problem(client, post(Map.of("url", receiver.url("/hooks/x"), "events", List.of("video.deleted"))),
                400).get("detail").toString()).contains("video.deleted");

        var response = client.exchange(post(Map.of("url", receiver.url("/hooks/x"))), String.class);
        assertThat(response.code()).isEqualTo(201);
        Map<String, Object> created = parse(response.body());
        String id = (String) created.get("id");
        assertThat(response.header("Location")).isEqualTo("/api/v1/webhooks/" + id);
        assertThat(created).containsKey("secret");
        assertThat(created.get("events")).isEqualTo(List.of("video.completed", "video.failed"));
        assertThat(list()).singleElement().satisfies(w -> assertThat(w).containsEntry("id", id)
                .doesNotContainKey("secret"));

        assertThat(client.exchange(withKey(HttpRequest.DELETE("/api/v1/webhooks/" + id))).code()).isEqualTo(204);
        problem(client, withKey(HttpRequest.DELETE("/api/v1/webhooks/" + id)), 404);
        assertThat(list()).isEmpty();
        assertThat(deliveries(created)).isEmpty();
        problem(client, withKey(HttpRequest.GET("/api/v1/webhooks/nope/deliveries")), 404);
        problem(client, HttpRequest.GET("/api/v1/webhooks"), 401);
    }

    private Map<String, Object> create(String path, List<String> events) {
        return parse(client.retrieve(post(Map.of("url", receiver.url(path), "events", events)), String.class));
    }

    private static HttpRequest<?> post(Map<String, Object> body) {
        return withKey(HttpRequest.POST("/api/v1/webhooks", body));
    }

    private List<Map<String, Object>> list() {
        return Http.parseList(client.retrieve(withKey(HttpRequest.GET("/api/v1/webhooks")), String.class));
    }

    private static String deliveriesOf(Map<String, Object> webhook) {
        return "/api/v1/webhooks/" + webhook.get("id") + "/deliveries";
    }

    private List<Map<String, Object>> deliveries(Map<String, Object> webhook) {
        return Http.parseList(client.retrieve(withKey(HttpRequest.GET(deliveriesOf(webhook))), String.class));
    }

    /** Waits for the webhook's one delivery to reach {@code status}. */
    private Map<String, Object> awaitDelivery(Map<String, Object> webhook, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var all = deliveries(webhook);
            return all.size() == 1 && status.equals(all.get(0).get("status"));
        });
        return deliveries(webhook).get(0);
    }

    private String newVideo(String tenant, String course) {
        String id = UUID.randomUUID().toString();
        db.inTransaction("test video", c -> {
            videos.insert(c, id, tenant, course, "lecture.mp4", "/media/" + id + "/lecture.mp4", Records.T0);
            return null;
        });
        return id;
    }

    /** The records of a one-segment video, decoded and analysed: the last one completes it. */
    private void complete(String video) {
        materializer.apply(Records.started(video));
        materializer.apply(Records.segment(video, 0, List.of(Records.instant(video, "shot.cut", 1_000, 0.9))));
        materializer.apply(Records.completed(video, 1));
    }

    private int deliveryRows(String video) {
        return db.read("counting deliveries", c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM webhook_deliveries WHERE video_id = ?")) {
                ps.setString(1, video);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
