package io.cuepoint.analyzer.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.analyzer.model.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reference outputs of the original TF.js models (test resources {@code parity/<model>/<image>.json},
 * made by {@code analyzer/parity/make-references.sh}): the translators' decoding is checked on them
 * without running any model. Only outputs stored in full are returned (large ones are sampled there).
 */
final class ParityFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParityFixtures() {
    }

    static Map<String, Tensor> outputs(String model, String image) {
        var resource = "/parity/" + model + "/" + image + ".json";
        try (var in = ParityFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            JsonNode root = JSON.readTree(in);
            var outputs = new LinkedHashMap<String, Tensor>();
            root.get("outputs").fields().forEachRemaining(e -> {
                var node = e.getValue();
                if (node.has("indices")) {
                    return;
                }
                long[] shape = new long[node.get("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = node.get("shape").get(i).asLong();
                }
                var data = node.get("data");
                var values = new float[data.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) data.get(i).asDouble();
                }
                outputs.put(e.getKey(), Tensor.ofFloats(values, shape));
            });
            return outputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
