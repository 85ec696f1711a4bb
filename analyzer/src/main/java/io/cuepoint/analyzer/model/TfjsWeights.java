package io.cuepoint.analyzer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Reads a TF.js weights manifest and its binary shards into TensorFlow constants.
 *
 * <p>Each manifest group's shards are one little-endian byte stream; its weights follow each other in
 * manifest order. Quantized weights are mapped back as TF.js does: float16 widened to float32, uint8 and
 * uint16 as {@code v * scale + min} (rounded when the original type is int32).
 */
final class TfjsWeights {
    private TfjsWeights() {
    }

    /**
     * @param manifest  the model.json {@code weightsManifest} array
     * @param shards    the group's shard files, resolved, in manifest order per group
     * @return the constants by weight (node) name, in manifest order
     * @throws IOException when a shard cannot be read, is shorter or longer than the manifest needs, or a
     *                     weight has a type TensorFlow constants of these models never have
     */
    static Map<String, TensorProto> read(JsonNode manifest, List<List<Path>> shards) throws IOException {
        var constants = new LinkedHashMap<String, TensorProto>();
        for (int g = 0; g < manifest.size(); g++) {
            var group = manifest.get(g);
            var bytes = ByteBuffer.wrap(concat(shards.get(g))).order(ByteOrder.LITTLE_ENDIAN);
            for (var weight : group.path("weights")) {
                var name = weight.path("name").asText();
                var constant = decode(weight, bytes, name, shards.get(g));
                constants.put(name, constant);
            }
            if (bytes.hasRemaining()) {
                throw new IOException("weight files " + shards.get(g) + " hold " + bytes.remaining()
                        + " bytes more than the manifest describes");
            }
        }
        return constants;
    }

    private static TensorProto decode(JsonNode weight, ByteBuffer bytes, String name, List<Path> files)
            throws IOException {
        var shape = TensorShapeProto.newBuilder();
        long count = 1;
        for (var dim : weight.path("shape")) {
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(dim.asLong()));
            count = Math.multiplyExact(count, dim.asLong());
        }
        var dtype = weight.path("dtype").asText();
        var quantization = weight.path("quantization");
        var stored = quantization.isMissingNode() ? dtype : quantization.path("dtype").asText();
        int width = switch (stored) {
            case "float32", "int32" -> 4;
            case "float16", "uint16" -> 2;
            case "uint8", "bool" -> 1;
            default -> throw new IOException("weight " + name + " has unsupported type " + stored);
        };
        long need = count * width;
        if (need > bytes.remaining()) {
            throw new IOException("weight files " + files + " end early: weight " + name + " needs " + need
                    + " bytes at offset " + bytes.position() + ", " + bytes.remaining() + " left (truncated?)");
        }
        var out = ByteBuffer.allocate((int) count * (dtype.equals("bool") ? 1 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        var type = switch (dtype) {
            case "float32" -> DataType.DT_FLOAT;
            case "int32" -> DataType.DT_INT32;
            case "bool" -> DataType.DT_BOOL;
            default -> throw new IOException("weight " + name + " has unsupported type " + dtype);
        };
        if (quantization.isMissingNode()) {
            var slice = new byte[(int) need];
            bytes.get(slice);
            out.put(slice);
        } else {
            dequantize(bytes, out, (int) count, stored, type, quantization);
        }
        return TensorProto.newBuilder().setDtype(type).setTensorShape(shape)
                .setTensorContent(ByteString.copyFrom(out.array())).build();
    }

    private static void dequantize(ByteBuffer in, ByteBuffer out, int count, String stored, DataType type,
                                   JsonNode quantization) throws IOException {
        if (stored.equals("float16")) {
            if (type != DataType.DT_FLOAT) {
                throw new IOException("float16 quantization of a " + type + " weight");
            }
            for (int i = 0; i < count; i++) {
                out.putFloat(halfToFloat(in.getShort()));
            }
            return;
        }
        double scale = quantization.path("scale").asDouble();
        double min = quantization.path("min").asDouble();
        for (int i = 0; i < count; i++) {
            int v = stored.equals("uint8") ? in.get() & 0xff : in.getShort() & 0xffff;
            // TF.js computes in float32 (v * scale + min in JavaScript doubles, stored to a Float32Array).
            double value = v * scale + min;
            if (type == DataType.DT_INT32) {
                out.putInt((int) Math.round(value));
            } else {
                out.putFloat((float) value);
            }
        }
    }

    /** IEEE 754 binary16 to binary32 (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Subnormal (or zero): value = mantissa * 2^-24.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    private static byte[] concat(List<Path> files) throws IOException {
        long total = 0;
        for (var file : files) {
            total += Files.size(file);
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IOException("weight files " + files + " exceed 2 GB");
        }
        var all = new byte[(int) total];
        int at = 0;
        for (var file : files) {
            var part = Files.readAllBytes(file);
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
