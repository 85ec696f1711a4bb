package io.cuepoint.api.materialize;

import static io.cuepoint.api.Records.instant;
import static io.cuepoint.api.Records.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cuepoint.api.CuepointApi;
import io.cuepoint.api.Records;
import io.cuepoint.api.TestKafka;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.VideoRepository;
import io.cuepoint.api.store.VideoStatus;
import io.cuepoint.api.webhook.WebhookRepository;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireJson;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL stopped under a running api and started again on the same data: the materializer retries,
 * commits no offset past what it could not apply, and catches up; nothing is lost or doubled (events, the
 * COMPLETED transition, its one webhook delivery), the HTTP api answers 503 problems meanwhile, and the audit log
 * writes what it held once the database is back.
 */
class DatabaseOutageTest {
    private static final String KEY = "outage-key";

    @TempDir
    Path dir;

    @Test
    void theMaterializerCatchesUpAfterTheDatabaseComesBack() throws Exception {
        int port = freePort();
        var postgres = startPostgres(port);
        var logs = new ListAppender<ILoggingEvent>();
        var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Materializer.class);
        logs.start();
        logger.addAppender(logs);
        String group = "outage-" + UUID.randomUUID();
        String v = UUID.randomUUID().toString();
        ensureTopics();
        try (var producer = producer(); ApplicationContext api = CuepointApi.start(properties(postgres, group))) {
            var db = api.getBean(Database.class);
            var videos = api.getBean(VideoRepository.class);
            db.inTransaction("test", c -> {
                videos.insert(c, v, "lecture.mp4", "/media/lecture.mp4", Instant.now());
                api.getBean(WebhookRepository.class).insert(c, "wh-" + v, Principal.DEFAULT_TENANT,
                        "https://hooks.example.test/cuepoint", "secret-0123456789abcdef", List.of("video.completed"));
                return null;
            });
            send(producer, Topics.PROGRESS, v, Records.started(v));
            send(producer, Topics.EVENTS, v, segment(v, 0, List.of(instant(v, "shot.cut", 1_000, 0.9))));
            await().atMost(Duration.ofSeconds(60)).until(() -> video(db, videos, v).segmentsDone() == 1);

            postgres.close();
            var firstUnapplied = send(producer, Topics.EVENTS, v,
                    segment(v, 1, List.of(instant(v, "shot.cut", 31_000, 0.8))));
            send(producer, Topics.EVENTS, v, segment(v, 2, List.of(instant(v, "shot.cut", 61_000, 0.7))));
            // Segment 0 again, as a crashed analyzer would redo it: it must not be counted twice.
            send(producer, Topics.EVENTS, v, segment(v, 0, List.of(instant(v, "shot.cut", 1_000, 0.9))));
            var completion = send(producer, Topics.PROGRESS, v, Records.completed(v, 3));

            // The materializer met the outage and retries.
            await().atMost(Duration.ofSeconds(60)).until(() -> logs.list.stream()
                    .filter(e -> e.getFormattedMessage().startsWith("cannot apply record")).count() >= 2);
            assertThat(committed(group, firstUnapplied)).as("nothing committed past the unapplied records")
                    .isLessThanOrEqualTo(firstUnapplied.offset());
            assertThat(committed(group, completion)).isLessThanOrEqualTo(completion.offset());
            var answer = get(api, "/api/v1/videos/" + v);
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(t ->
                    assertThat(t).startsWith("application/problem+json"));
            assertThat(answer.body()).contains("database is not available").doesNotContain("Exception")
                    .doesNotContain("at io.");

            postgres = startPostgres(port);
            await().atMost(Duration.ofSeconds(60)).until(() -> video(db, videos, v).status() == VideoStatus.COMPLETED);
            assertThat(video(db, videos, v).segmentsDone()).isEqualTo(3);
            assertThat(count(db, "SELECT count(*) FROM events WHERE video_id = ?", v)).isEqualTo(3);
            assertThat(count(db, "SELECT count(*) FROM webhook_deliveries WHERE video_id = ? AND event = "
                    + "'video.completed'", v)).as("one delivery for the one transition").isEqualTo(1);
            assertThat(get(api, "/api/v1/videos/" + v).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> committed(group, firstUnapplied)
                    > firstUnapplied.offset() + 1);
            assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().startsWith("materializer caught up after"));
            // The audit log held the entry of the request answered during the outage and wrote it afterwards.
            await().atMost(Duration.ofSeconds(30)).until(() -> count(db, "SELECT count(*) FROM audit_log WHERE "
                    + "video_id = ? AND status = 503", v) == 1);
        } finally {
            logger.detachAppender(logs);
            postgres.close();
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        // The same data directory and port: the server comes back as it was, as after a restart or failover.
        return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    private Map<String, Object> properties(EmbeddedPostgres postgres, String group) {
        var p = new HashMap<String, Object>();
        p.put("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"));
        p.put("datasources.default.username", "postgres");
        p.put("datasources.default.password", "postgres");
        p.put("cuepoint.api-keys", KEY);
        p.put("cuepoint.data-dir", dir.resolve("data").toString());
        p.put("cuepoint.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        p.put("cuepoint.materializer.enabled", "true");
        p.put("cuepoint.materializer.group-id", group);
        p.put("micronaut.server.port", -1);
        return p;
    }

    private static io.cuepoint.api.store.Video video(Database db, VideoRepository videos, String id) {
        return db.read("test", c -> videos.find(c, id).orElseThrow());
    }

    private static long count(Database db, String sql, String id) {
        return db.read("test", c -> {
            try (var ps = c.prepareStatement(sql)) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static HttpResponse<String> get(ApplicationContext api, String path) throws Exception {
        int port = api.getBean(EmbeddedServer.class).getPort();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-API-Key", KEY).timeout(Duration.ofSeconds(60)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long committed(String group, RecordMetadata record) throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            var offset = offsets.get(new TopicPartition(record.topic(), record.partition()));
            return offset == null ? 0 : offset.offset();
        }
    }

    private static void ensureTopics() throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            var existing = admin.listTopics().names().get();
            var missing = List.of(Topics.EVENTS, Topics.PROGRESS).stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 2, (short) 1)).toList();
            admin.createTopics(missing).all().get();
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static RecordMetadata send(KafkaProducer<String, byte[]> producer, String topic, String key, Object value)
            throws Exception {
        return producer.send(new ProducerRecord<>(topic, key, WireJson.write(value))).get();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
