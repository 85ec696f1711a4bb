package io.cuepoint.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.ingest.wire.Topics;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness itself, on its smallest cluster (one broker): what the fault tests rely on — an outage
 * of the database or of a broker keeps the data written before it, and consumer lag counts exactly the
 * records a group has not committed.
 */
class ClusterHarnessIT {
    private static ClusterHarness cluster;

    @BeforeAll
    static void startCluster() {
        cluster = ClusterHarness.start(ClusterHarness.testDirectory(ClusterHarnessIT.class), 1);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theDatabaseComesBackWithItsDataOnTheSamePort() throws SQLException {
        var env = cluster.roleEnvironment();
        String url = env.get("DATASOURCES_DEFAULT_URL");
        try (var c = DriverManager.getConnection(url, "postgres", "postgres"); var s = c.createStatement()) {
            s.execute("CREATE TABLE outage_probe (v text)");
            s.execute("INSERT INTO outage_probe VALUES ('before')");
        }
        cluster.stopDatabase();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
                .isInstanceOf(SQLException.class);
        cluster.startDatabase();
        try (var c = DriverManager.getConnection(url, "postgres", "postgres"); var s = c.createStatement();
             var rows = s.executeQuery("SELECT v FROM outage_probe")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("before");
        }
    }

    @Test
    void aRestartedBrokerKeepsItsRecordsAndLagCountsWhatIsUncommitted() throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(Topics.JOBS, 0, "k" + i, "job " + i)).get(30, TimeUnit.SECONDS);
            }
        }
        // No offsets committed yet: all five are lag (the group starts at the earliest offset).
        assertThat(cluster.consumerLag("cuepoint-ingest")).isEqualTo(5);
        var partition = new TopicPartition(Topics.JOBS, 0);
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "cuepoint-ingest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(2)));
        }
        assertThat(cluster.consumerLag("cuepoint-ingest")).isEqualTo(3);

        cluster.stopBroker(0);
        assertThat(cluster.brokerRunning(0)).isFalse();
        cluster.startBroker(0);

        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            var values = new java.util.ArrayList<String>();
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (values.size() < 5 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
            assertThat(values).containsExactly("job 0", "job 1", "job 2", "job 3", "job 4");
        }
        assertThat(cluster.consumerLag("cuepoint-ingest")).isEqualTo(3);
    }
}
