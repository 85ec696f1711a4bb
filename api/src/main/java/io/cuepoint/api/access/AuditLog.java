package io.cuepoint.api.access;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.store.Database;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes audit entries off the request path: {@link #record} only offers to a bounded queue; one background
 * thread writes what has queued in batches. When the database falls behind so far that the queue fills, entries
 * are dropped and counted (a warning says how many) rather than slowing or failing requests. Closing drains the
 * queue.
 */
@Singleton
public final class AuditLog {
    static final int CAPACITY = 10_000;
    static final int BATCH = 500;
    private static final long RETRY_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final Database db;
    private final AuditRepository repository;
    private final BlockingQueue<AuditEntry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;

    public AuditLog(Database db, AuditRepository repository) {
        this.db = db;
        this.repository = repository;
        this.writer = new Thread(this::run, "cuepoint-audit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues an entry; never blocks. */
    public void record(AuditEntry entry) {
        if (closing || !queue.offer(entry)) {
            long n = dropped.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.warn("audit log behind: {} entries dropped so far", n);
            }
        }
    }

    private void run() {
        var batch = new ArrayList<AuditEntry>(BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                AuditEntry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(List<AuditEntry> batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                db.inTransaction("writing the audit log", c -> {
                    repository.insert(c, batch);
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                if (ApiException.databaseUnavailable(e) && !closing) {
                    // An outage: keep the batch and try again; meanwhile new entries wait in the queue (and
                    // are dropped and counted only once it is full).
                    if (attempt == 1) {
                        LOG.warn("database unavailable, holding {} audit entries until it is back: {}",
                                batch.size(), e.getMessage());
                    }
                    TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
                    continue;
                }
                // The request already has its answer; losing these rows is reported, never thrown at anyone.
                LOG.error("could not write {} audit entries", batch.size(), e);
                return;
            }
        }
    }

    /** Stops taking entries and waits for the queued ones to be written. */
    @PreDestroy
    public void close() throws InterruptedException {
        closing = true;
        writer.join(TimeUnit.SECONDS.toMillis(30));
    }
}
