package io.cuepoint.analyzer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Converts a TF.js graph model ({@code model.json} plus weight shards) into a TensorFlow SavedModel folder.
 *
 * <p>The folder holds only {@code saved_model.pb}: one {@code MetaGraphDef} tagged {@code serve} whose graph
 * carries every weight as a constant (so no {@code variables} folder), and a {@code serving_default}
 * signature copied from the model.json {@code signature} (or {@code userDefinedMetadata.signature}). The
 * signature keys are the TF.js tensor names ({@code input:0}, {@code tower_0/images}), the names callers use.
 */
final class TfjsImporter {
    static final String TAG = "serve";
    static final String SIGNATURE = "serving_default";
    static final String SAVED_MODEL_FILE = "saved_model.pb";

    private TfjsImporter() {
    }

    /**
     * Writes the SavedModel for {@code files} into {@code target}, an empty or absent folder.
     *
     * @throws IOException when the model files are unreadable, inconsistent or use what TensorFlow cannot run
     */
    static void importModel(TfjsModelFiles files, Path target) throws IOException {
        var json = files.json();
        var topology = json.path("modelTopology");
        if (!topology.isObject()) {
            throw new IOException(files.jsonFile() + " has no modelTopology: not a TF.js graph model");
        }
        var graph = GraphDef.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(topology.toString(), graph);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(files.jsonFile() + ": modelTopology is not a TensorFlow GraphDef: "
                    + e.getMessage(), e);
        }
        var constants = TfjsWeights.read(json.path("weightsManifest"), files.weightGroups());
        GraphDef rewritten;
        try {
            rewritten = TfjsGraphRewriter.rewrite(graph.build(), constants);
        } catch (IllegalArgumentException e) {
            throw new IOException(files.jsonFile() + ": " + e.getMessage(), e);
        }
        var metaGraph = MetaGraphDef.newBuilder()
                .setMetaInfoDef(MetaGraphDef.MetaInfoDef.newBuilder().addTags(TAG)
                        .setTensorflowVersion(TensorFlowNatives.VERSION))
                .setGraphDef(rewritten)
                .putSignatureDef(SIGNATURE, signature(files));
        var savedModel = SavedModel.newBuilder().setSavedModelSchemaVersion(1).addMetaGraphs(metaGraph).build();
        Files.createDirectories(target);
        Files.write(target.resolve(SAVED_MODEL_FILE), savedModel.toByteArray());
    }

    private static SignatureDef signature(TfjsModelFiles files) throws IOException {
        var json = files.json();
        var signature = json.has("signature") ? json.get("signature")
                : json.path("userDefinedMetadata").path("signature");
        if (!signature.path("inputs").isObject() || !signature.path("outputs").isObject()) {
            throw new IOException(files.jsonFile() + " has no signature with inputs and outputs");
        }
        var def = SignatureDef.newBuilder().setMethodName("tensorflow/serving/predict");
        for (var entry : fields(signature.get("inputs"))) {
            def.putInputs(nameOf(entry), tensorInfo(entry.getKey(), entry.getValue(), files));
        }
        for (var entry : fields(signature.get("outputs"))) {
            def.putOutputs(nameOf(entry), tensorInfo(entry.getKey(), entry.getValue(), files));
        }
        return def.build();
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode object) {
        return object::fields;
    }

    /** The TF.js tensor name (its {@code name} field): what TF.js callers and the references use. */
    private static String nameOf(Map.Entry<String, JsonNode> entry) {
        var name = entry.getValue().path("name").asText();
        return name.isEmpty() ? entry.getKey() : name;
    }

    private static TensorInfo tensorInfo(String key, JsonNode spec, TfjsModelFiles files) throws IOException {
        var name = spec.path("name").asText(key);
        var tensorName = name.indexOf(':') >= 0 ? name : name + ":0";
        var info = TensorInfo.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(spec.toString(), info);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(files.jsonFile() + ": signature entry " + key + ": " + e.getMessage(), e);
        }
        return info.setName(tensorName).setDtype(TfjsGraphRewriter.retype(info.getDtype()))
                .setTensorShape(info.hasTensorShape() ? info.getTensorShape() : TensorShapeProto.getDefaultInstance())
                .build();
    }
}
