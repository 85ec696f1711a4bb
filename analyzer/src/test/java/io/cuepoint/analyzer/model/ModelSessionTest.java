package io.cuepoint.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.AnalyzerException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Running the real models: batches, concurrent sessions, inputs the engine rejects. */
class ModelSessionTest {
    private static final String[] FACES = {"astronaut-face", "basketball1-face", "megamind-face", "messi5-face"};

    /** The four face crops of the parity fixtures, as emotion inputs [1, 64, 64, 1]. */
    private static List<Tensor> faces() throws Exception {
        var list = new ArrayList<Tensor>();
        for (var face : FACES) {
            list.add(ParityFixtures.input(ParityFixtures.read("emotion", face)));
        }
        return list;
    }

    @Test
    void theEmotionModelRunsABatchAsItRunsEachFace() throws Exception {
        var model = TestModels.get("emotion");
        var faces = faces();
        // A batch of 8: the four faces, twice, in another order the second time.
        var batch = new float[8 * 64 * 64];
        int[] order = {0, 1, 2, 3, 3, 2, 1, 0};
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(faces.get(order[i]).floats(), 0, batch, i * 64 * 64, 64 * 64);
        }
        try (var session = model.newSession()) {
            var out = session.run(Map.of("input_1:0", Tensor.ofFloats(batch, 8, 64, 64, 1))).get("Identity:0");
            assertThat(out.shape()).containsExactly(8, 7);
            for (int i = 0; i < order.length; i++) {
                var single = session.run(Map.of("input_1:0", faces.get(order[i]))).get("Identity:0").floats();
                var row = Arrays.copyOfRange(out.floats(), i * 7, i * 7 + 7);
                for (int k = 0; k < 7; k++) {
                    assertThat(row[k]).as("batch row %d class %d", i, k).isCloseTo(single[k], within(1e-5f));
                }
            }
        }
    }

    @Test
    void sessionsOnSeveralThreadsShareOneModel() throws Exception {
        var model = TestModels.get("emotion");
        var faces = faces();
        float[][] expected = new float[faces.size()][];
        try (var session = model.newSession()) {
            for (int i = 0; i < faces.size(); i++) {
                expected[i] = session.run(Map.of("x", faces.get(i))).get("Identity:0").floats();
            }
        }
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var results = new ArrayList<Future<float[][]>>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    float[][] got = new float[faces.size()][];
                    try (var session = model.newSession()) {
                        for (int round = 0; round < 5; round++) {
                            for (int i = 0; i < faces.size(); i++) {
                                got[i] = session.run(Map.of("input_1:0", faces.get(i))).get("Identity:0").floats();
                            }
                        }
                    }
                    return got;
                }));
            }
            start.countDown();
            for (var result : results) {
                var got = result.get();
                for (int i = 0; i < faces.size(); i++) {
                    assertThat(got[i]).containsExactly(expected[i], within(1e-6f));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrongShapeOrTypeIsAnAnalyzerException() {
        var model = TestModels.get("movenet-lightning");
        try (var session = model.newSession()) {
            assertThatThrownBy(() -> session.run(Map.of("input:0", Tensor.ofFloats(new float[192 * 192 * 3], 1, 192, 192, 3))))
                    .isInstanceOf(AnalyzerException.class).hasMessageContaining("movenet-lightning");
            assertThatThrownBy(() -> session.run(Map.of("input:0", Tensor.ofInts(new int[10 * 10 * 3], 1, 10, 10, 3))))
                    .isInstanceOf(AnalyzerException.class).hasMessageContaining("movenet-lightning");
            // The session stays usable after a rejected call.
            var out = session.run(Map.of("input:0", Tensor.ofInts(new int[192 * 192 * 3], 1, 192, 192, 3)));
            assertThat(out.get("Identity:0").shape()).containsExactly(1, 1, 17, 3);
        }
    }

    @Test
    void aMultiInputCallMustNameTheInputs() {
        var model = TestModels.get("centernet");
        try (var session = model.newSession()) {
            var image = Tensor.ofFloats(new float[512 * 512 * 3], 1, 512, 512, 3);
            assertThatThrownBy(() -> session.run(Map.of("images", image, "other", image)))
                    .isInstanceOf(AnalyzerException.class).hasMessageContaining("tower_0/images");
        }
    }
}
