package io.cuepoint.analyzer.model;

import java.util.Map;

/**
 * Runs one loaded model. A session belongs to one thread (it wraps one DJL predictor); open one per
 * worker thread with {@link LoadedModel#newSession()}.
 */
public interface ModelSession extends AutoCloseable {

    /**
     * Runs the model once.
     *
     * @param inputs tensors by the model's input names ({@link LoadedModel#inputNames()}); a model with one
     *               input also accepts any single key
     * @return every output of the model's signature by name ({@link LoadedModel#outputNames()})
     * @throws io.cuepoint.analyzer.AnalyzerException when the engine rejects the input (shape, type)
     */
    Map<String, Tensor> run(Map<String, Tensor> inputs);

    @Override
    void close();
}
