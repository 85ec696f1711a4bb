package io.cuepoint.api.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs pipeline workers, one thread each (a Kafka consumer is not thread-safe), and closes them
 * in reverse order on shutdown.
 */
public final class WorkerPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    private final List<AutoCloseable> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<String> dead = new CopyOnWriteArrayList<>();
    private volatile boolean closing;

    /** Starts a worker whose {@code run()} loops until its {@code close()} is called. */
    public <W extends Runnable & AutoCloseable> void start(String name, W worker) {
        var thread = new Thread(() -> {
            String reason = "stopped";
            try {
                worker.run();
            } catch (RuntimeException e) {
                LOG.error("Worker {} stopped unexpectedly", name, e);
                reason = "stopped by " + e;
            } finally {
                if (!closing) {
                    dead.add(name + ": " + reason);
                }
            }
        }, name);
        thread.setDaemon(false);
        workers.add(worker);
        threads.add(thread);
        thread.start();
    }

    /** Blocks until {@link #close()} runs, e.g. from the JVM's shutdown hook on SIGTERM. */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /**
     * Workers whose loop ended before {@link #close()}, each as {@code name: reason}: the process runs short of
     * them and should be restarted (the liveness probe says so).
     */
    public List<String> deadWorkers() {
        return List.copyOf(dead);
    }

    @Override
    public void close() {
        closing = true;
        for (int i = workers.size() - 1; i >= 0; i--) {
            try {
                workers.get(i).close();
            } catch (Exception e) {
                LOG.warn("Closing worker {} failed: {}", threads.get(i).getName(), e.toString());
            }
        }
        for (var thread : threads) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stopped.countDown();
    }
}
