package io.cuepoint.analyzer.model;

import java.util.List;

/**
 * A model imported and loaded into the TensorFlow engine, shared by every worker thread. Close it once
 * no session uses it.
 */
public interface LoadedModel extends AutoCloseable {

    /** The model's name in the package, such as {@code movenet-lightning}. */
    String name();

    /** SHA-256 (hex) over the model's TF.js files: its identity, cache key and provenance. */
    String sha256();

    /** What events record as their producer's model: {@code name@sha256:<first 12 hex digits>}. */
    default String producerId() {
        return name() + "@sha256:" + sha256().substring(0, 12);
    }

    /** Input names of the serving signature, in signature order. */
    List<String> inputNames();

    /** Output names of the serving signature, in signature order. */
    List<String> outputNames();

    /** A new session for the calling thread. */
    ModelSession newSession();

    @Override
    void close();
}
