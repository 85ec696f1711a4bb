package io.cuepoint.analyzer.model;

import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/**
 * Turns a TF.js graph into one the TensorFlow runtime accepts, without changing what it computes.
 *
 * <ul>
 *   <li>Weights fill the {@code Const} nodes.</li>
 *   <li>Fused ops stay fused: splitting them back into convolution, bias and activation made oneDNN crash
 *       on some of these models. TF.js's {@code FusedDepthwiseConv2dNative} is TensorFlow's
 *       {@code _FusedDepthwiseConv2dNative}, which has no {@code explicit_paddings}; {@code _FusedConv2D}
 *       needs the {@code TArgs} attribute the converter drops.</li>
 *   <li>{@code Prelu} (a TF.js op) becomes {@code Relu(x) - alpha * Relu(-x)}.</li>
 *   <li>TF.js has no double or int64: every double becomes float and every int64 int32, as the graph was
 *       run in the browser; {@code Where}, whose int64 result has no type attribute, gets a cast.</li>
 * </ul>
 */
final class TfjsGraphRewriter {
    private TfjsGraphRewriter() {
    }

    /**
     * @param graph     the model.json topology
     * @param constants the weights by node name ({@link TfjsWeights})
     * @throws IllegalArgumentException when a constant has no weight
     */
    static GraphDef rewrite(GraphDef graph, Map<String, TensorProto> constants) {
        var out = graph.toBuilder().clearNode();
        for (var node : graph.getNodeList()) {
            var b = retype(node.toBuilder());
            switch (node.getOp()) {
                case "Const" -> {
                    var value = constants.get(node.getName());
                    if (value == null) {
                        throw new IllegalArgumentException("constant " + node.getName() + " has no weight");
                    }
                    b.putAttr("value", AttrValue.newBuilder().setTensor(value).build())
                            .putAttr("dtype", type(value.getDtype()));
                }
                case "FusedDepthwiseConv2dNative" -> b.setOp("_FusedDepthwiseConv2dNative")
                        .removeAttr("explicit_paddings");
                case "_FusedConv2D" -> {
                    var argType = b.getAttrOrThrow("T").getType();
                    var list = AttrValue.ListValue.newBuilder();
                    for (long i = 0; i < b.getAttrOrThrow("num_args").getI(); i++) {
                        list.addType(argType);
                    }
                    b.putAttr("TArgs", AttrValue.newBuilder().setList(list).build());
                }
                case "Prelu" -> {
                    prelu(b.build(), out);
                    continue;
                }
                case "Where" -> {
                    where(b.build(), out);
                    continue;
                }
                default -> {
                }
            }
            out.addNode(b);
        }
        return out.build();
    }

    /** {@code out = Relu(x) - alpha * Relu(-x)}, ending in a node with the original name. */
    private static void prelu(NodeDef node, GraphDef.Builder out) {
        var name = node.getName();
        var t = node.getAttrOrDefault("T", type(DataType.DT_FLOAT));
        out.addNode(op(name + "/positive", "Relu", t, node.getInput(0)));
        out.addNode(op(name + "/negated", "Neg", t, node.getInput(0)));
        out.addNode(op(name + "/negative", "Relu", t, name + "/negated"));
        out.addNode(op(name + "/scaled", "Mul", t, node.getInput(1), name + "/negative"));
        out.addNode(op(name, "Sub", t, name + "/positive", name + "/scaled"));
    }

    /** TensorFlow's {@code Where} gives int64; everything after it was typed int32 by TF.js. */
    private static void where(NodeDef node, GraphDef.Builder out) {
        var name = node.getName();
        out.addNode(node.toBuilder().setName(name + "/int64"));
        out.addNode(NodeDef.newBuilder().setName(name).setOp("Cast").addInput(name + "/int64")
                .putAttr("SrcT", type(DataType.DT_INT64)).putAttr("DstT", type(DataType.DT_INT32))
                .putAttr("Truncate", AttrValue.newBuilder().setB(false).build()));
    }

    private static NodeDef op(String name, String op, AttrValue t, String... inputs) {
        var b = NodeDef.newBuilder().setName(name).setOp(op).putAttr("T", t);
        for (var input : inputs) {
            b.addInput(input);
        }
        return b.build();
    }

    private static NodeDef.Builder retype(NodeDef.Builder node) {
        for (var entry : Map.copyOf(node.getAttrMap()).entrySet()) {
            var value = entry.getValue();
            if (value.hasType()) {
                node.putAttr(entry.getKey(), type(retype(value.getType())));
            } else if (value.hasList() && value.getList().getTypeCount() > 0) {
                var list = value.getList().toBuilder().clearType();
                value.getList().getTypeList().forEach(t -> list.addType(retype(t)));
                node.putAttr(entry.getKey(), AttrValue.newBuilder().setList(list).build());
            }
        }
        return node;
    }

    static DataType retype(DataType type) {
        return switch (type) {
            case DT_DOUBLE -> DataType.DT_FLOAT;
            case DT_INT64 -> DataType.DT_INT32;
            default -> type;
        };
    }

    private static AttrValue type(DataType type) {
        return AttrValue.newBuilder().setType(type).build();
    }
}
