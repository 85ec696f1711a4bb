package io.cuepoint.ingest.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A record of the progress topic. Each stage writes its own kind ({@code decode} from ingest,
 * {@code analysis} from the analyzer) and readers dispatch on the {@code kind} field.
 */
public interface ProgressRecord {
    /** The discriminator written as the {@code kind} field. */
    @JsonProperty("kind")
    String kind();

    String videoId();

    /** Reads only the {@code kind} of a progress record, so a reader can pick the type to parse. */
    static String kindOf(byte[] json) {
        try {
            var node = WireJson.mapper().readTree(json);
            var kind = node == null ? null : node.get("kind");
            if (kind == null || !kind.isTextual()) {
                throw new WireFormatException("progress record without a kind", null);
            }
            return kind.asText();
        } catch (java.io.IOException e) {
            throw new WireFormatException("progress record is not JSON: " + WireJson.describe(e), e);
        }
    }
}
