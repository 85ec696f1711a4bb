package io.cuepoint.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The imported models compute what the original TF.js models compute: every fixture under
 * {@code parity/<model>/} holds the outputs of the TF.js model run with {@code @tensorflow/tfjs} in Node
 * ({@code analyzer/parity/make-references.sh}) on a committed PNG.
 *
 * <p>Rule: each listed output value {@code a} (ours) matches the reference {@code b} when
 * {@code |a - b| <= 1e-3 * max(|b|, s)}, with {@code s = 0.01 * max|b|} over that output (at least 1e-6).
 * That is 1e-3 relative for values that matter at the output's scale; values near zero (a logit that
 * happens to cross 0, a probability of 1e-8) are held to 1e-5 of the output's largest value instead, since
 * float32 kernels that sum in another order legitimately differ there in relative terms.
 */
class TfjsParityTest {
    private static final Logger LOG = LoggerFactory.getLogger(TfjsParityTest.class);
    private static final double RELATIVE = 1e-3;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Worst |a - b| / max(|b|, s) per model, for the log. */
    private static final Map<String, Double> WORST = new TreeMap<>();

    static Stream<Path> fixtures() throws IOException {
        var root = ParityFixtures.root();
        try (var files = Files.walk(root, 2)) {
            var list = files.filter(p -> p.toString().endsWith(".json") && !p.getParent().equals(root)
                    && !p.getParent().getFileName().toString().equals("images")).sorted().toList();
            assertThat(list).as("parity fixtures").isNotEmpty();
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesTheTfjsReference(Path fixtureFile) throws Exception {
        var fixture = JSON.readTree(fixtureFile.toFile());
        var name = fixture.get("model").asText();
        var model = TestModels.get(name);
        assertThat(model.sha256()).as("model the fixture was made with").isEqualTo(fixture.get("modelSha256").asText());

        Map<String, Tensor> outputs;
        try (var session = model.newSession()) {
            outputs = session.run(Map.of(fixture.get("input").get("name").asText(), ParityFixtures.input(fixture)));
        }
        double worst = 0;
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) () -> fixture.get("outputs").fields()) {
            var expected = entry.getValue();
            var actual = outputs.get(entry.getKey());
            assertThat(actual).as("output %s", entry.getKey()).isNotNull();
            assertThat(actual.shape()).as("shape of %s", entry.getKey())
                    .containsExactly(JSON.convertValue(expected.get("shape"), long[].class));
            worst = Math.max(worst, compare(entry.getKey(), expected, actual.toFloats()));
        }
        synchronized (WORST) {
            WORST.merge(name, worst, Math::max);
        }
    }

    /** @return the worst |a - b| / max(|b|, s) of this output */
    private static double compare(String output, JsonNode expected, float[] actual) {
        var data = expected.get("data");
        var indices = expected.get("indices");
        double maxAbs = 0;
        for (var v : data) {
            maxAbs = Math.max(maxAbs, Math.abs(v.asDouble()));
        }
        double floor = Math.max(0.01 * maxAbs, 1e-6);
        double worst = 0;
        for (int i = 0; i < data.size(); i++) {
            int at = indices == null ? i : indices.get(i).asInt();
            double b = data.get(i).asDouble();
            double error = Math.abs(actual[at] - b) / Math.max(Math.abs(b), floor);
            assertThat(error).as("%s[%d]: ours %s, TF.js %s", output, at, actual[at], b).isLessThanOrEqualTo(RELATIVE);
            worst = Math.max(worst, error);
        }
        return worst;
    }

    @AfterAll
    static void logWorst() {
        WORST.forEach((model, worst) -> LOG.info("parity {}: worst |ours - TF.js| / max(|TF.js|, s) = {}", model,
                String.format("%.2e", worst)));
    }
}
