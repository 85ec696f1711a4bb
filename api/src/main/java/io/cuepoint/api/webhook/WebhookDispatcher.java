package io.cuepoint.api.webhook;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.config.WebhookConfig;
import io.cuepoint.api.egress.EgressClient;
import io.cuepoint.api.store.Database;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Sends the outbox: one background thread, started with the HTTP server, claims due deliveries every
 * {@code cuepoint.webhooks.poll-ms} and POSTs each through the {@link EgressClient}, signed
 * ({@link WebhookSigner}). A 2xx answer delivers; anything else is retried after a {@link Backoff} until
 * {@code cuepoint.webhooks.max-attempts}, then the delivery is failed. At least once: a receiver deduplicates by
 * the {@code Cuepoint-Delivery} header.
 */
@Singleton
@Requires(property = "cuepoint.webhooks.dispatcher-enabled", notEquals = "false")
public final class WebhookDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Database db;
    private final DeliveryRepository deliveries;
    private final EgressClient egress;
    private final WebhookConfig config;
    private final Backoff backoff;
    private final Duration lease;
    private ScheduledExecutorService thread;

    public WebhookDispatcher(Database db, DeliveryRepository deliveries, EgressClient egress, WebhookConfig config) {
        this.db = db;
        this.deliveries = deliveries;
        this.egress = egress;
        this.config = config;
        this.backoff = new Backoff(config, RandomGenerator.getDefault());
        // Long enough that a batch in flight is never claimed twice; short enough that a crashed replica's claims
        // come back soon.
        this.lease = config.timeout().multipliedBy(config.batchSize()).plusSeconds(30);
    }

    @EventListener
    synchronized void start(ServerStartupEvent started) {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cuepoint-webhooks");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::poll, 0, config.pollMs(), TimeUnit.MILLISECONDS);
        LOG.info("webhook dispatcher started: {}", config);
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        if (thread != null) {
            thread.shutdownNow();
            thread.awaitTermination(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends every due delivery, batch after batch. Never throws: a failure must not stop the schedule. */
    void poll() {
        try {
            List<DeliveryRepository.Claim> claimed;
            do {
                claimed = db.inTransaction("claiming webhook deliveries",
                        c -> deliveries.claim(c, config.batchSize(), lease));
                for (var claim : claimed) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    send(claim);
                }
            } while (claimed.size() == config.batchSize());
        } catch (RuntimeException e) {
            if (ApiException.databaseUnavailable(e)) {
                // An outage: the deliveries wait in the outbox; one line per poll, not a stack trace.
                LOG.warn("webhook dispatch waits for the database; trying again in {} ms: {}", config.pollMs(),
                        e.getMessage());
            } else {
                LOG.warn("webhook dispatch failed; trying again in {} ms", config.pollMs(), e);
            }
        }
    }

    private void send(DeliveryRepository.Claim claim) {
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        boolean delivered = false;
        if (claim.disabled()) {
            error = "the webhook was deleted";
        } else {
            long now = System.currentTimeMillis() / 1000;
            try {
                var answer = egress.post(URI.create(claim.url()), Map.of(
                        WebhookSigner.HEADER, WebhookSigner.header(claim.secret(), now, claim.payload()),
                        "Cuepoint-Event", claim.event(),
                        "Cuepoint-Delivery", claim.id()), claim.payload(), config.timeout());
                status = answer.status();
                delivered = answer.successful();
                if (!delivered) {
                    error = "answered " + answer.status() + (answer.reason() == null ? "" : " " + answer.reason());
                }
            } catch (ApiException | IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        boolean retry = !delivered && !claim.disabled() && claim.attempt() < config.maxAttempts();
        Duration retryIn = retry ? backoff.after(claim.attempt()) : null;
        Integer code = status;
        String why = error;
        boolean ok = delivered;
        db.inTransaction("recording a webhook attempt", c -> {
            deliveries.record(c, claim, code, why, ms, ok, retryIn);
            return null;
        });
        if (delivered) {
            LOG.debug("delivery {} to webhook {} delivered (attempt {})", claim.id(), claim.webhookId(),
                    claim.attempt());
        } else if (retry) {
            LOG.info("delivery {} to webhook {} failed (attempt {}: {}); retrying in {} ms", claim.id(),
                    claim.webhookId(), claim.attempt(), error, retryIn.toMillis());
        } else {
            LOG.warn("delivery {} to webhook {} failed for good after {} attempts: {}", claim.id(),
                    claim.webhookId(), claim.attempt(), error);
        }
    }
}
