package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.model.LoadedModel;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded models of one process: each model is loaded once, however many analyzers (worker threads)
 * use it, and closed when the last of them lets go. Each analyzer takes a {@link Lease} on the models
 * its detectors need when it starts, so a missing model fails the worker at start, and opens its own
 * sessions on them.
 */
public final class SharedModels {
    private static final Logger LOG = LoggerFactory.getLogger(SharedModels.class);

    private final Function<String, LoadedModel> loader;
    private final Map<String, LoadedModel> loaded = new HashMap<>();
    private final Map<String, Integer> users = new HashMap<>();

    /** @param loader loads a model by name; throws {@link io.cuepoint.analyzer.AnalyzerException} when it cannot */
    public SharedModels(Function<String, LoadedModel> loader) {
        this.loader = loader;
    }

    /**
     * Loads what is not loaded yet and counts the caller as a user of each model.
     *
     * @throws RuntimeException from the loader; nothing stays acquired then
     */
    public synchronized Lease acquire(Collection<String> names) {
        var models = new LinkedHashMap<String, LoadedModel>();
        try {
            for (var name : new LinkedHashSet<>(names)) {
                var model = loaded.get(name);
                if (model == null) {
                    long start = System.nanoTime();
                    model = loader.apply(name);
                    loaded.put(name, model);
                    LOG.info("loaded model {} in {} ms", model.producerId(), (System.nanoTime() - start) / 1_000_000);
                }
                users.merge(name, 1, Integer::sum);
                models.put(name, model);
            }
        } catch (RuntimeException e) {
            models.keySet().forEach(this::release);
            throw e;
        }
        return new Lease(models);
    }

    /** How many models are loaded now. */
    public synchronized int loadedCount() {
        return loaded.size();
    }

    private synchronized void release(String name) {
        int left = users.merge(name, -1, Integer::sum);
        if (left <= 0) {
            users.remove(name);
            var model = loaded.remove(name);
            if (model != null) {
                model.close();
                LOG.info("closed model {}", name);
            }
        }
    }

    /** One analyzer's hold on its models; closing it lets go of them. */
    public final class Lease implements AutoCloseable {
        private final Map<String, LoadedModel> models;
        private boolean closed;

        private Lease(Map<String, LoadedModel> models) {
            this.models = Map.copyOf(models);
        }

        /** The leased models by name. */
        public Map<String, LoadedModel> models() {
            return models;
        }

        @Override
        public void close() {
            synchronized (SharedModels.this) {
                if (closed) {
                    return;
                }
                closed = true;
                models.keySet().forEach(SharedModels.this::release);
            }
        }
    }
}
