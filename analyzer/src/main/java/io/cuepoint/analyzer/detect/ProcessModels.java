package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.model.ModelConfig;
import io.cuepoint.analyzer.model.ModelRepository;
import java.util.HashMap;
import java.util.Map;

/**
 * The process's {@link SharedModels}, one per model configuration (in practice one), so that every
 * analyzer worker in a JVM shares one loaded copy of each model. Nothing is loaded, and TensorFlow does not
 * start, until a detector that needs a model is created.
 */
final class ProcessModels {
    private static final Map<ModelConfig, SharedModels> SHARED = new HashMap<>();

    private ProcessModels() {
    }

    static synchronized SharedModels shared(ModelConfig config) {
        return SHARED.computeIfAbsent(config, c -> new SharedModels(new ModelRepository(c)::load));
    }
}
