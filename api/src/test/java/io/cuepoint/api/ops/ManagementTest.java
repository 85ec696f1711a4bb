package io.cuepoint.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.api.TestKafka;
import io.cuepoint.api.embedded.WorkerPool;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The management endpoints against the real broker and a real PostgreSQL that the test stops. */
class ManagementTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readinessFollowsKafkaAndTheDatabase() throws Exception {
        var postgres = EmbeddedPostgres.builder().start();
        try (var management = Management.start(anyPort())) {
            management.kafka(Map.of("bootstrap.servers", TestKafka.bootstrapServers()), Map.of())
                    .database(postgres.getPostgresDatabase());
            var starting = get(management, "/health/ready");
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(json.readTree(starting.body()).at("/checks/startup").asText()).startsWith("DOWN");

            management.ready();
            await().atMost(PATIENCE).until(() -> get(management, "/health/ready").statusCode() == 200);
            JsonNode up = json.readTree(get(management, "/health/ready").body());
            assertThat(up.get("status").asText()).isEqualTo("UP");
            assertThat(up.at("/checks/kafka").asText()).isEqualTo("UP");
            assertThat(up.at("/checks/database").asText()).isEqualTo("UP");

            postgres.close();
            await().atMost(PATIENCE).until(() -> get(management, "/health/ready").statusCode() == 503);
            JsonNode down = json.readTree(get(management, "/health/ready").body());
            assertThat(down.get("status").asText()).isEqualTo("DOWN");
            assertThat(down.at("/checks/database").asText()).startsWith("DOWN: ");
            assertThat(down.at("/checks/kafka").asText()).isEqualTo("UP");
            // Readiness is not liveness: the process itself is fine.
            assertThat(get(management, "/health/live").statusCode()).isEqualTo(200);
        } finally {
            postgres.close();
        }
    }

    @Test
    void anUnreachableBrokerMakesTheProcessUnready() throws Exception {
        try (var management = Management.start(anyPort())) {
            management.kafka(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort()), Map.of()).ready();
            await().atMost(PATIENCE).until(() -> get(management, "/health/ready").statusCode() == 503);
            JsonNode down = json.readTree(get(management, "/health/ready").body());
            assertThat(down.at("/checks/kafka").asText()).startsWith("DOWN: ");
            assertThat(down.at("/checks/startup").isMissingNode()).isTrue();
        }
    }

    @Test
    void livenessFailsOnceAWorkerDied() throws Exception {
        var release = new CountDownLatch(1);
        try (var management = Management.start(anyPort()); var pool = new WorkerPool()) {
            management.liveness(pool::deadWorkers).ready();
            pool.start("steady-0", new TestWorker(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, release));
            assertThat(get(management, "/health/live").statusCode()).isEqualTo(200);
            assertThat(json.readTree(get(management, "/health/live").body()).get("status").asText()).isEqualTo("UP");

            pool.start("broken-1", new TestWorker(() -> {
                throw new IllegalStateException("the model session is gone");
            }, release));
            await().atMost(PATIENCE).until(() -> get(management, "/health/live").statusCode() == 503);
            JsonNode dead = json.readTree(get(management, "/health/live").body());
            assertThat(dead.get("status").asText()).isEqualTo("DOWN");
            assertThat(dead.at("/checks/workers").asText()).contains("broken-1").contains("the model session is gone")
                    .doesNotContain("steady-0");
        }
    }

    @Test
    void theLagGaugeCountsRecordsTheGroupHasNotCommitted() throws Exception {
        String topic = "obs-lag-" + System.nanoTime();
        String bootstrap = TestKafka.bootstrapServers();
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 7; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k", "a" + i));
            }
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, 1, "k", "b" + i));
            }
        }
        // The group has taken 3 of partition 0 and all of partition 1: 4 records behind.
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "group.id", topic + "-group"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(3),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(5)));
        }
        var registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try (var management = Management.start(anyPort())) {
            management.kafka(Map.of("bootstrap.servers", bootstrap), Map.of(topic + "-group", List.of(topic),
                    topic + "-idle", List.of(topic)));
            management.lagMeter().refresh();
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(lag(registry, topic + "-group", topic)).isEqualTo(4.0);
                // A group that never committed is behind by every record.
                assertThat(lag(registry, topic + "-idle", topic)).isEqualTo(12.0);
            });
            assertThat(get(management, "/metrics").body())
                    .contains("cuepoint_consumer_lag{group=\"" + topic + "-group\",topic=\"" + topic + "\"} 4.0");
        } finally {
            Metrics.removeRegistry(registry);
        }
        assertThat(Metrics.globalRegistry.find(ConsumerLagMeter.LAG).tag("topic", topic).gauges())
                .as("closing takes the gauges away").isEmpty();
    }

    @Test
    void metricsAreServedInPrometheusTextFormat() throws Exception {
        try (var management = Management.start(anyPort())) {
            var metrics = get(management, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge", "process_uptime_seconds",
                    "jvm_threads_live_threads");
            assertThat(get(management, "/nothing-here").statusCode()).isEqualTo(404);
            var post = http.send(HttpRequest.newBuilder(uri(management, "/metrics"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void aTakenPortFailsNamingTheVariableAndOffServesNothing() throws Exception {
        try (var taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> Management.start(new ManagementConfig(OptionalInt.of(taken.getLocalPort()))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ManagementConfig.PORT)
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
        try (var off = Management.start(ManagementConfig.off())) {
            assertThat(off.port()).isEqualTo(-1);
            off.kafka(Map.of("bootstrap.servers", "127.0.0.1:1"), Map.of("g", List.of("t"))).ready();
        }
    }

    private static ManagementConfig anyPort() {
        return new ManagementConfig(OptionalInt.of(0));
    }

    private static double lag(SimpleMeterRegistry registry, String group, String topic) {
        var gauge = registry.find(ConsumerLagMeter.LAG).tags("group", group, "topic", topic).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private HttpResponse<String> get(Management management, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(management, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(Management management, String path) {
        return URI.create("http://127.0.0.1:" + management.port() + path);
    }

    private static int closedPort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A worker whose loop is {@code body}; close() releases the steady ones. */
    private record TestWorker(Runnable body, CountDownLatch release) implements Runnable, AutoCloseable {
        @Override
        public void run() {
            body.run();
        }

        @Override
        public void close() {
            release.countDown();
        }
    }
}
