package io.cuepoint.api.submit;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.config.KafkaClients;
import io.cuepoint.ingest.wire.JobRequest;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireJson;
import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Produces {@link JobRequest}s to {@link Topics#JOBS}, keyed by video id. The producer is created on the first
 * job, so an api that never receives one never connects to Kafka.
 */
@Singleton
public final class KafkaJobQueue implements JobQueue {
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaClients clients;
    private KafkaProducer<String, byte[]> producer;

    public KafkaJobQueue(KafkaClients clients) {
        this.clients = clients;
    }

    @Override
    public void submit(JobRequest job) {
        try {
            producer().send(new ProducerRecord<>(Topics.JOBS, job.videoId(), WireJson.write(job)))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw unavailable(e);
        }
    }

    private static ApiException unavailable(Exception e) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the job queue (Kafka) is not available; "
                + "try again later", e);
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            var props = clients.base();
            // A job the api answered 202 for must survive a broker failure.
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            // Fail the request rather than hold the client for the default 60 s when Kafka is down.
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "cuepoint-api-jobs");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
