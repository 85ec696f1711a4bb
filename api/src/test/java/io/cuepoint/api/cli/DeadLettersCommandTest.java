package io.cuepoint.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.api.TestKafka;
import io.cuepoint.ingest.publish.DeadLetterPublisher;
import io.cuepoint.ingest.testing.DeadLetters;
import io.cuepoint.ingest.wire.DeadLetterHeaders;
import io.cuepoint.ingest.wire.JobRequest;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireFormatException;
import io.cuepoint.ingest.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** {@code cuepoint dead-letters} against the real broker: a dead letter written by the publisher is listed and replayed. */
class DeadLettersCommandTest {
    @Test
    void listsADeadLetterAndReplaysItUnchangedToItsSourceTopic() throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        try (var jobs = TestKafka.jobsConsumer(); var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            DeadLetters.create(admin);
            // A real bad job on the jobs topic, read back as a consumer sees it and dead-lettered as ingest does.
            String key = "cli-" + UUID.randomUUID();
            byte[] value = "{\"schema\":1,\"videoId\":".getBytes(StandardCharsets.UTF_8);
            long jobOffset = send(bootstrap, key, value);
            var consumed = find(jobs, key, jobOffset);
            var cause = new WireFormatException("not a valid JobRequest: unexpected end of input", null);
            try (var publisher = new DeadLetterPublisher(Map.of("bootstrap.servers", bootstrap), "cuepoint-ingest")) {
                publisher.publish(consumed, "unreadable job request: " + cause.getMessage(), cause);
            }
            var letter = DeadLetters.withKey(bootstrap, key).get(0);

            var cli = new CommandRun(Map.of(Settings.BOOTSTRAP, bootstrap));
            assertThat(cli.run("dead-letters")).as(cli.err()).isZero();
            var line = cli.out().lines().filter(l -> l.contains(Topics.JOBS + "-0@" + jobOffset)).toList();
            assertThat(line).singleElement().satisfies(l -> {
                assertThat(l).startsWith(Long.toString(letter.offset()) + " ")
                        .contains("cuepoint-ingest")
                        .endsWith("unreadable job request: not a valid JobRequest: unexpected end of input");
            });

            cli.clear();
            assertThat(cli.run("dead-letters", "--replay", Long.toString(letter.offset()))).as(cli.err()).isZero();
            assertThat(cli.out()).startsWith("replayed dead letter " + letter.offset() + " (unreadable job request: ")
                    .contains("to " + Topics.JOBS + "-0@");
            long replayedAt = Long.parseLong(cli.out().strip().replaceAll(".*@", ""));
            var replayed = find(jobs, key, replayedAt);
            assertThat(replayed.value()).isEqualTo(value);
            assertThat(replayed.headers().toArray()).extracting(h -> h.key())
                    .containsExactly(DeadLettersCommand.REPLAYED_FROM);
            assertThat(new String(replayed.headers().lastHeader(DeadLettersCommand.REPLAYED_FROM).value(),
                    StandardCharsets.UTF_8)).isEqualTo(Topics.DEAD_LETTERS + "-0@" + letter.offset());
            assertThat(DeadLetters.header(letter, DeadLetterHeaders.OFFSET)).isEqualTo(Long.toString(jobOffset));
        }
    }

    @Test
    void anOffsetWithoutADeadLetterOrAMissingBrokerSettingIsOneLineError() throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            DeadLetters.create(admin);
        }
        var cli = new CommandRun(Map.of(Settings.BOOTSTRAP, bootstrap));
        assertThat(cli.run("dead-letters", "--replay", "987654321")).isEqualTo(1);
        assertThat(cli.err()).startsWith("cuepoint: no dead letter at 987654321");
        cli.clear();
        assertThat(cli.run("dead-letters", "--replay", "x:1")).isEqualTo(1);
        assertThat(cli.err()).startsWith("cuepoint: --replay takes OFFSET or PARTITION:OFFSET, got 'x:1'");

        var unset = new CommandRun(Map.of());
        assertThat(unset.run("dead-letters")).isEqualTo(1);
        assertThat(unset.err()).startsWith("cuepoint: " + Settings.BOOTSTRAP + " is not set");
    }

    private static long send(String bootstrap, String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.JOBS, key, value)).get().offset();
        }
    }

    /** Reads the jobs topic forward until the record at {@code offset}, which must carry {@code key}. */
    private static ConsumerRecord<String, byte[]> find(org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> jobs,
                                                       String key, long offset) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (var r : jobs.poll(Duration.ofMillis(200))) {
                if (r.offset() == offset) {
                    assertThat(r.key()).isEqualTo(key);
                    return r;
                }
            }
        }
        throw new AssertionError("no record at " + Topics.JOBS + "-0@" + offset);
    }
}
