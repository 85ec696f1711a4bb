package io.cuepoint.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.SavedModel;

/**
 * The TF.js importer: the real MoveNet graph comes out in the shape TensorFlow needs, and a tiny TF.js
 * model written here (Prelu, Where, int64 and double types, uint8 and float16 weights, none of which the
 * packaged models happen to exercise all together) computes under TensorFlow what TF.js defines.
 */
class TfjsImporterTest {
    @TempDir
    Path temp;

    @Test
    void theMoveNetGraphKeepsItsFusedOpsInTensorFlowForm() throws IOException {
        var files = TfjsModelFiles.locate(TestModels.config().modelsDir(), "movenet-lightning");
        TfjsImporter.importModel(files, temp.resolve("saved"));

        var saved = SavedModel.parseFrom(Files.readAllBytes(temp.resolve("saved/saved_model.pb")));
        assertThat(saved.getMetaGraphsList()).hasSize(1);
        var meta = saved.getMetaGraphs(0);
        assertThat(meta.getMetaInfoDef().getTagsList()).containsExactly("serve");
        var signature = meta.getSignatureDefOrThrow("serving_default");
        assertThat(signature.getInputsOrThrow("input:0").getDtype()).isEqualTo(DataType.DT_INT32);
        assertThat(signature.getOutputsOrThrow("Identity:0").getTensorShape().getDimList())
                .extracting(d -> d.getSize()).containsExactly(1L, 1L, 17L, 3L);
        var nodes = meta.getGraphDef().getNodeList();
        assertThat(nodes).extracting(n -> n.getOp()).doesNotContain("FusedDepthwiseConv2dNative")
                .contains("_FusedDepthwiseConv2dNative", "_FusedConv2D");
        for (var node : nodes) {
            switch (node.getOp()) {
                case "_FusedDepthwiseConv2dNative" -> assertThat(node.getAttrMap()).doesNotContainKey("explicit_paddings");
                case "_FusedConv2D" -> assertThat(node.getAttrOrThrow("TArgs").getList().getTypeList())
                        .hasSize((int) node.getAttrOrThrow("num_args").getI()).containsOnly(DataType.DT_FLOAT);
                case "Const" -> assertThat(node.getAttrOrThrow("value").getTensor().getTensorContent().size())
                        .as("weight of %s", node.getName()).isPositive();
                default -> { }
            }
        }
    }

    @Test
    void aTinyModelComputesWhatTfjsDefines() throws IOException {
        writeTinyModel(temp.resolve("models"));
        var config = ModelConfig.fromEnvironment(Map.of(ModelConfig.MODELS_DIR, temp.resolve("models").toString(),
                ModelConfig.MODEL_CACHE, temp.resolve("cache").toString()));
        try (var model = new ModelRepository(config).load("tiny"); var session = model.newSession()) {
            assertThat(model.inputNames()).containsExactly("x:0");
            assertThat(model.outputNames()).containsExactly("cast_out:0", "prelu_out:0", "where_out:0");
            var x = Tensor.ofFloats(new float[] {-1, 2, -3, 0.25f, 1, -0.5f, 0.75f, -2}, 2, 4);

            var out = session.run(Map.of("x:0", x));

            // Prelu with alpha = uint8 [1, 2, 3, 4] * 0.1 + 0: x where x > 0, else alpha * x.
            assertThat(out.get("prelu_out:0").floats())
                    .containsExactly(new float[] {-0.1f, 2, -0.90000004f, 0.25f, 1, -0.1f, 0.75f, -0.8f},
                            org.assertj.core.data.Offset.offset(1e-6f));
            // Where(x > 0.5 (a float16 weight)): coordinates, as int32 the way TF.js types them.
            var where = out.get("where_out:0");
            assertThat(where.type()).isEqualTo(Tensor.Type.INT32);
            assertThat(where.shape()).containsExactly(3, 2);
            assertThat(where.ints()).containsExactly(0, 1, 1, 0, 1, 2);
            // A Cast int64 -> double in the graph is int32 -> float after retyping.
            assertThat(out.get("cast_out:0").type()).isEqualTo(Tensor.Type.FLOAT32);
            assertThat(out.get("cast_out:0").floats()).containsExactly(0, 1, 1, 0, 1, 2);
        }
    }

    @Test
    void halfPrecisionWeightsWidenExactly() {
        assertThat(TfjsWeights.halfToFloat((short) 0x3c00)).isEqualTo(1f);
        assertThat(TfjsWeights.halfToFloat((short) 0xc000)).isEqualTo(-2f);
        assertThat(TfjsWeights.halfToFloat((short) 0x3555)).isEqualTo(0.33325195f);
        assertThat(TfjsWeights.halfToFloat((short) 0x7bff)).isEqualTo(65504f);
        assertThat(TfjsWeights.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(TfjsWeights.halfToFloat((short) 0x8000)).isEqualTo(-0f);
        assertThat(TfjsWeights.halfToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(TfjsWeights.halfToFloat((short) 0x7e00)).isNaN();
    }

    @Test
    void weightFilesMustHoldExactlyWhatTheManifestDescribes() throws IOException {
        var manifest = new ObjectMapper().readTree("""
                [{"paths": ["w.bin"], "weights": [{"name": "a", "shape": [2, 2], "dtype": "float32"}]}]""");
        var bin = temp.resolve("w.bin");

        Files.write(bin, new byte[15]);
        assertThatThrownBy(() -> TfjsWeights.read(manifest, List.of(List.of(bin))))
                .hasMessageContaining("end early").hasMessageContaining("weight a needs 16 bytes");
        Files.write(bin, new byte[17]);
        assertThatThrownBy(() -> TfjsWeights.read(manifest, List.of(List.of(bin))))
                .hasMessageContaining("1 bytes more than the manifest describes");
        Files.write(bin, new byte[16]);
        assertThat(TfjsWeights.read(manifest, List.of(List.of(bin))).get("a").getTensorContent().size()).isEqualTo(16);
    }

    /** tiny.json + tiny.bin, as the TF.js converter would write them. */
    static void writeTinyModel(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("tiny.json"), """
                {"format": "graph-model", "generatedBy": "hand", "convertedBy": "TfjsImporterTest",
                 "signature": {
                   "inputs": {"x:0": {"name": "x:0", "dtype": "DT_FLOAT", "tensorShape": {"dim": [{"size": "-1"}, {"size": "4"}]}}},
                   "outputs": {
                     "prelu_out:0": {"name": "prelu_out:0", "dtype": "DT_FLOAT"},
                     "where_out:0": {"name": "where_out:0", "dtype": "DT_INT64"},
                     "cast_out:0": {"name": "cast_out:0", "dtype": "DT_DOUBLE"}}},
                 "modelTopology": {"node": [
                   {"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"},
                     "shape": {"shape": {"dim": [{"size": "-1"}, {"size": "4"}]}}}},
                   {"name": "alpha", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"},
                     "value": {"tensor": {"dtype": "DT_FLOAT", "tensorShape": {"dim": [{"size": "4"}]}}}}},
                   {"name": "half", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"},
                     "value": {"tensor": {"dtype": "DT_FLOAT", "tensorShape": {}}}}},
                   {"name": "p", "op": "Prelu", "input": ["x", "alpha"], "attr": {"T": {"type": "DT_FLOAT"}}},
                   {"name": "g", "op": "Greater", "input": ["x", "half"], "attr": {"T": {"type": "DT_FLOAT"}}},
                   {"name": "w", "op": "Where", "input": ["g"], "attr": {"T": {"type": "DT_BOOL"}}},
                   {"name": "c", "op": "Cast", "input": ["w"], "attr": {"SrcT": {"type": "DT_INT64"},
                     "DstT": {"type": "DT_DOUBLE"}, "Truncate": {"b": false}}},
                   {"name": "prelu_out", "op": "Identity", "input": ["p"], "attr": {"T": {"type": "DT_FLOAT"}}},
                   {"name": "where_out", "op": "Identity", "input": ["w"], "attr": {"T": {"type": "DT_INT64"}}},
                   {"name": "cast_out", "op": "Identity", "input": ["c"], "attr": {"T": {"type": "DT_DOUBLE"}}}],
                  "library": {}, "versions": {"producer": 1286}},
                 "weightsManifest": [{"paths": ["tiny.bin"], "weights": [
                   {"name": "alpha", "shape": [4], "dtype": "float32",
                    "quantization": {"dtype": "uint8", "scale": 0.1, "min": 0, "original_dtype": "float32"}},
                   {"name": "half", "shape": [], "dtype": "float32",
                    "quantization": {"dtype": "float16", "original_dtype": "float32"}}]}]}
                """);
        // alpha: uint8 1, 2, 3, 4; half: float16 0.5 (0x3800, little-endian).
        Files.write(dir.resolve("tiny.bin"), new byte[] {1, 2, 3, 4, 0x00, 0x38});
    }
}
