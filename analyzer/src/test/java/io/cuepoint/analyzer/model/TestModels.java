package io.cuepoint.analyzer.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real packaged models for tests, loaded once per test JVM and shared by every test class (loading
 * TensorFlow and a model takes seconds). Configured like the analyzer, from the environment
 * ({@code CUEPOINT_MODELS_DIR} and friends, defaults otherwise); {@code scripts/fetch-models.sh} installs
 * the models before the analyzer's tests run.
 */
public final class TestModels {
    private static final Map<String, LoadedModel> LOADED = new ConcurrentHashMap<>();
    private static ModelRepository repository;

    private TestModels() {
    }

    /** The configuration tests load models with. */
    public static ModelConfig config() {
        return ModelConfig.fromEnvironment(System.getenv());
    }

    public static synchronized ModelRepository repository() {
        if (repository == null) {
            repository = new ModelRepository(config());
        }
        return repository;
    }

    /** The shared loaded model; never close it (it lives as long as the test JVM). */
    public static LoadedModel get(String name) {
        return LOADED.computeIfAbsent(name, n -> repository().load(n));
    }
}
