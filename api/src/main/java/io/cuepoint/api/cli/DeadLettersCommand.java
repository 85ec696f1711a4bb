package io.cuepoint.api.cli;

import io.cuepoint.ingest.wire.DeadLetterHeaders;
import io.cuepoint.ingest.wire.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Lists the records on {@link Topics#DEAD_LETTERS} (newest last) or sends one back to the topic it came from,
 * once whatever rejected it is fixed. Reads {@code CUEPOINT_KAFKA_BOOTSTRAP_SERVERS} like the roles.
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "List the records no consumer could read (" + Topics.DEAD_LETTERS + "), or replay one "
                + "to its source topic. Needs CUEPOINT_KAFKA_BOOTSTRAP_SERVERS.")
final class DeadLettersCommand implements Callable<Integer> {
    /** Put on a replayed record, so that it can be told apart (and is kept should it be dead-lettered again). */
    static final String REPLAYED_FROM = "cuepoint.replayed-from";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_EMPTY_POLLS = 20;

    @ParentCommand
    CuepointCommand parent;

    @Option(names = "--limit", defaultValue = "50", description = "list at most the newest N (default 50)")
    int limit;

    @Option(names = "--replay", paramLabel = "OFFSET",
            description = "send the dead letter at OFFSET (or PARTITION:OFFSET) back to its source topic")
    String replay;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
        }
        var client = Settings.kafkaClient(parent.environment());
        var out = parent.spec.commandLine().getOut();
        var consumerProps = new HashMap<>(client);
        // Looking must not create the topic with the broker's defaults (TopicSetup gives it 30 days' retention).
        consumerProps.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            if (replay != null) {
                replay(client, consumer, out);
            } else {
                list(consumer, out);
            }
        }
        out.flush();
        return 0;
    }

    private void list(KafkaConsumer<byte[], byte[]> consumer, PrintWriter out) {
        var partitions = consumer.partitionsFor(Topics.DEAD_LETTERS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (partitions.isEmpty()) {
            out.printf("no dead letters: %s does not exist yet%n", Topics.DEAD_LETTERS);
            return;
        }
        var letters = new ArrayList<ConsumerRecord<byte[], byte[]>>();
        var ends = consumer.endOffsets(partitions);
        var begins = consumer.beginningOffsets(partitions);
        consumer.assign(partitions);
        for (var partition : partitions) {
            consumer.seek(partition, Math.max(begins.get(partition), ends.get(partition) - limit));
        }
        readUntil(consumer, ends, letters::add);
        // Oldest first across partitions: the record timestamp is when it was dead-lettered.
        letters.sort(java.util.Comparator.comparingLong(ConsumerRecord::timestamp));
        var shown = letters.subList(Math.max(0, letters.size() - limit), letters.size());
        out.printf("%-10s %-24s %-28s %-18s %s%n", "OFFSET", "AT", "SOURCE", "GROUP", "REASON");
        for (var r : shown) {
            out.printf("%-10s %-24s %-28s %-18s %s%n", label(r), header(r, DeadLetterHeaders.AT),
                    header(r, DeadLetterHeaders.TOPIC) + "-" + header(r, DeadLetterHeaders.PARTITION) + "@"
                            + header(r, DeadLetterHeaders.OFFSET),
                    header(r, DeadLetterHeaders.GROUP), header(r, DeadLetterHeaders.REASON));
        }
        out.printf("%d dead letter(s) shown; replay one with: cuepoint dead-letters --replay OFFSET%n", shown.size());
    }

    private void replay(Map<String, Object> client, KafkaConsumer<byte[], byte[]> consumer, PrintWriter out)
            throws ExecutionException, InterruptedException {
        var at = Position.parse(replay);
        var partition = new TopicPartition(Topics.DEAD_LETTERS, at.partition());
        var end = consumer.endOffsets(List.of(partition)).get(partition);
        if (at.offset() < consumer.beginningOffsets(List.of(partition)).get(partition) || at.offset() >= end) {
            throw new IllegalArgumentException("no dead letter at " + replay + " (the topic holds offsets below "
                    + end + "; list them with cuepoint dead-letters)");
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, at.offset());
        var found = new ArrayList<ConsumerRecord<byte[], byte[]>>();
        readUntil(consumer, Map.of(partition, at.offset() + 1), found::add);
        var letter = found.stream().filter(r -> r.offset() == at.offset()).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no dead letter at " + replay + " (compacted or expired)"));
        String source = header(letter, DeadLetterHeaders.TOPIC);
        if (source.isEmpty()) {
            throw new IllegalArgumentException("the record at " + replay + " names no source topic ("
                    + DeadLetterHeaders.TOPIC + "): not a Cuepoint dead letter");
        }
        var headers = new RecordHeaders();
        letter.headers().forEach(h -> {
            if (!DeadLetterHeaders.isDeadLetterHeader(h.key()) && !h.key().equals(REPLAYED_FROM)) {
                headers.add(h);
            }
        });
        headers.add(REPLAYED_FROM, (Topics.DEAD_LETTERS + "-" + at.partition() + "@" + at.offset()).getBytes(StandardCharsets.UTF_8));
        var props = new HashMap<>(client);
        // The operator is told it was replayed only once every in-sync replica has it.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            // Keyed as before, so the default partitioner puts it on the partition its neighbours are on.
            var meta = producer.send(new ProducerRecord<>(source, null, letter.key(), letter.value(), headers)).get();
            out.printf("replayed dead letter %s (%s) to %s-%d@%d%n", replay, header(letter, DeadLetterHeaders.REASON),
                    meta.topic(), meta.partition(), meta.offset());
        }
    }

    /** Polls until every partition's position reaches its end offset; a topic that stops answering is an error. */
    private static void readUntil(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends,
                                  java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        int empty = 0;
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            var records = consumer.poll(POLL);
            for (var r : records) {
                if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                    sink.accept(r);
                }
            }
            empty = records.isEmpty() ? empty + 1 : 0;
            if (empty >= MAX_EMPTY_POLLS) {
                throw new IllegalStateException("Kafka returned no dead letters for " + POLL.multipliedBy(empty)
                        .toSeconds() + " s although the topic holds more; is the broker reachable?");
            }
        }
    }

    /** Where a dead letter is: {@code OFFSET} (partition 0, the only one TopicSetup creates) or {@code P:OFFSET}. */
    record Position(int partition, long offset) {
        static Position parse(String text) {
            try {
                int colon = text.indexOf(':');
                int partition = colon < 0 ? 0 : Integer.parseInt(text.substring(0, colon).trim());
                long offset = Long.parseLong(text.substring(colon + 1).trim());
                if (partition < 0 || offset < 0) {
                    throw new NumberFormatException();
                }
                return new Position(partition, offset);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--replay takes OFFSET or PARTITION:OFFSET, got '" + text + "'");
            }
        }
    }

    private static String label(ConsumerRecord<?, ?> r) {
        return r.partition() == 0 ? Long.toString(r.offset()) : r.partition() + ":" + r.offset();
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
