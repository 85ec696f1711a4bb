package io.cuepoint.analyzer.model;

import java.util.Arrays;

/**
 * A dense tensor in row-major order, as handed to and returned by a {@link ModelSession}. Exactly one of
 * the arrays is set, matching {@link #type()}.
 *
 * @param shape dimensions, outermost first
 * @param type  element type
 * @param floats elements when {@code type} is {@link Type#FLOAT32}
 * @param ints   elements when {@code type} is {@link Type#INT32}
 * @param bytes  elements when {@code type} is {@link Type#UINT8}
 */
public record Tensor(long[] shape, Type type, float[] floats, int[] ints, byte[] bytes) {

    /** The element types Cuepoint's models take and give. */
    public enum Type { FLOAT32, INT32, UINT8 }

    public Tensor {
        shape = shape.clone();
        long expected = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        int actual = switch (type) {
            case FLOAT32 -> floats.length;
            case INT32 -> ints.length;
            case UINT8 -> bytes.length;
        };
        if (expected != actual) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " needs " + expected
                    + " elements, got " + actual);
        }
    }

    public static Tensor ofFloats(float[] data, long... shape) {
        return new Tensor(shape, Type.FLOAT32, data, null, null);
    }

    public static Tensor ofInts(int[] data, long... shape) {
        return new Tensor(shape, Type.INT32, null, data, null);
    }

    public static Tensor ofBytes(byte[] data, long... shape) {
        return new Tensor(shape, Type.UINT8, null, null, data);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int size() {
        return switch (type) {
            case FLOAT32 -> floats.length;
            case INT32 -> ints.length;
            case UINT8 -> bytes.length;
        };
    }

    /** The elements as floats, whatever the type (a copy unless already float). */
    public float[] toFloats() {
        return switch (type) {
            case FLOAT32 -> floats;
            case INT32 -> {
                var out = new float[ints.length];
                for (int i = 0; i < ints.length; i++) {
                    out[i] = ints[i];
                }
                yield out;
            }
            case UINT8 -> {
                var out = new float[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    out[i] = bytes[i] & 0xff;
                }
                yield out;
            }
        };
    }
}
