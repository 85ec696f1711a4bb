package io.cuepoint.analyzer.model;

import ai.djl.Model;
import java.util.List;

/**
 * A SavedModel loaded into DJL's TensorFlow engine. Sessions share its TensorFlow session, which runs
 * concurrent calls safely; each session owns its predictor.
 */
final class TfLoadedModel implements LoadedModel {
    private final String name;
    private final String sha256;
    private final Model model;
    private final List<String> inputNames;
    private final List<String> outputNames;

    TfLoadedModel(String name, String sha256, Model model) {
        this.name = name;
        this.sha256 = sha256;
        this.model = model;
        // DJL orders signature entries by key; that order is the signature order callers see.
        this.inputNames = List.copyOf(model.describeInput().keys());
        this.outputNames = List.copyOf(model.describeOutput().keys());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public List<String> inputNames() {
        return inputNames;
    }

    @Override
    public List<String> outputNames() {
        return outputNames;
    }

    @Override
    public ModelSession newSession() {
        return new TfModelSession(name, model.newPredictor(new TensorTranslator(name, inputNames)));
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return producerId();
    }
}
