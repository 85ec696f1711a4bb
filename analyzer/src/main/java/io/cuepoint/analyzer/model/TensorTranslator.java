package io.cuepoint.analyzer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.cuepoint.analyzer.AnalyzerException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves {@link Tensor}s in and out of TensorFlow for one model, by signature name.
 *
 * <p>Input: one tensor per signature input, keyed by name (a single-input model takes any single key),
 * of the dtype and shape the model declares (TensorFlow checks them). Output: every signature output by
 * name, copied to Java arrays so that no native memory outlives the call. int64, double and bool outputs,
 * which these models do not produce, would come back as int32, float32 and uint8.
 */
final class TensorTranslator implements NoBatchifyTranslator<Map<String, Tensor>, Map<String, Tensor>> {
    private final String model;
    private final List<String> inputNames;

    /**
     * @param model      model name, for messages
     * @param inputNames signature inputs in the order the engine feeds them
     */
    TensorTranslator(String model, List<String> inputNames) {
        this.model = model;
        this.inputNames = List.copyOf(inputNames);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Map<String, Tensor> inputs) {
        var manager = ctx.getNDManager();
        var list = new NDList(inputNames.size());
        for (var name : inputNames) {
            var tensor = inputs.get(name);
            if (tensor == null && inputNames.size() == 1 && inputs.size() == 1) {
                tensor = inputs.values().iterator().next();
            }
            if (tensor == null) {
                throw new AnalyzerException("model " + model + " needs inputs " + inputNames + ", got "
                        + inputs.keySet());
            }
            var shape = new Shape(tensor.shape());
            NDArray array = switch (tensor.type()) {
                case FLOAT32 -> manager.create(tensor.floats(), shape);
                case INT32 -> manager.create(tensor.ints(), shape);
                case UINT8 -> manager.create(ByteBuffer.wrap(tensor.bytes()), shape, DataType.UINT8);
            };
            // The engine matches named arrays to signature inputs by name.
            array.setName(name);
            list.add(array);
        }
        return list;
    }

    @Override
    public Map<String, Tensor> processOutput(TranslatorContext ctx, NDList list) {
        var outputs = new LinkedHashMap<String, Tensor>();
        for (var array : list) {
            outputs.put(array.getName(), toTensor(array));
        }
        return outputs;
    }

    static Tensor toTensor(NDArray array) {
        var shape = array.getShape().getShape();
        return switch (array.getDataType()) {
            case FLOAT32 -> Tensor.ofFloats(array.toFloatArray(), shape);
            case INT32 -> Tensor.ofInts(array.toIntArray(), shape);
            case UINT8 -> Tensor.ofBytes(array.toByteArray(), shape);
            case BOOLEAN -> Tensor.ofBytes(array.toByteArray(), shape);
            case INT64 -> {
                var longs = array.toLongArray();
                var ints = new int[longs.length];
                for (int i = 0; i < longs.length; i++) {
                    ints[i] = Math.toIntExact(longs[i]);
                }
                yield Tensor.ofInts(ints, shape);
            }
            default -> Tensor.ofFloats(array.toType(DataType.FLOAT32, false).toFloatArray(), shape);
        };
    }
}
