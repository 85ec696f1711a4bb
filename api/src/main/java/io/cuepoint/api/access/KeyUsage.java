package io.cuepoint.api.access;

import io.cuepoint.api.store.Database;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps {@code api_keys.last_used_at} roughly current without a write per request: uses are noted in memory and
 * written in one statement every {@link #FLUSH_EVERY}, and once more at shutdown. The column is for people
 * ("is this key still in use?"), so minute precision is enough.
 */
@Singleton
public final class KeyUsage {
    static final Duration FLUSH_EVERY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(KeyUsage.class);

    private final Database db;
    private final ApiKeyRepository keys;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    public KeyUsage(Database db, ApiKeyRepository keys) {
        this.db = db;
        this.keys = keys;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cuepoint-key-usage");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_EVERY.toSeconds(), FLUSH_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    void used(String keyId) {
        pending.put(keyId, Instant.now());
    }

    /** Writes the noted uses; safe to call from any thread. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        var ids = new ArrayList<>(pending.keySet());
        Instant at = Instant.now();
        ids.forEach(pending::remove);
        try {
            db.inTransaction("recording API key use", c -> {
                keys.touch(c, ids, at);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("could not record the use of {} API key(s): {}", ids.size(), e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        flusher.shutdown();
        flush();
    }
}
