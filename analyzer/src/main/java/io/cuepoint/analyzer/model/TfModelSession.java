package io.cuepoint.analyzer.model;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.cuepoint.analyzer.AnalyzerException;
import io.micrometer.core.instrument.Timer;
import java.util.Map;

/** A {@link ModelSession} over one DJL predictor; the TensorFlow session behind it is the model's, shared. */
final class TfModelSession implements ModelSession {
    private final String model;
    private final Predictor<Map<String, Tensor>, Map<String, Tensor>> predictor;
    private final Timer inference;

    TfModelSession(String model, Predictor<Map<String, Tensor>, Map<String, Tensor>> predictor) {
        this.model = model;
        this.predictor = predictor;
        this.inference = InferenceMetrics.timer(model);
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        try {
            return inference.recordCallable(() -> predictor.predict(inputs));
        } catch (TranslateException e) {
            if (e.getCause() instanceof AnalyzerException cause) {
                throw cause;
            }
            throw new AnalyzerException("model " + model + " rejected its input: " + e.getMessage(), e);
        } catch (AnalyzerException e) {
            throw e;
        } catch (Exception e) {
            // TensorFlow reports a wrong shape or dtype as an engine exception.
            throw new AnalyzerException("model " + model + " rejected its input: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
    }
}
