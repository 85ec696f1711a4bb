package io.cuepoint.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The parity fixtures under {@code src/test/resources/parity} ({@code <model>/<image>.json} next to
 * {@code images/*.png}), and the model inputs they describe.
 */
public final class ParityFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParityFixtures() {
    }

    /** The parity folder on the test class path. */
    public static Path root() {
        try {
            return Path.of(ParityFixtures.class.getResource("/parity").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixture, such as {@code ("movenet-lightning", "astronaut")}. */
    public static JsonNode read(String model, String image) {
        try {
            return JSON.readTree(root().resolve(model).resolve(image + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The input tensor a fixture was made with, rebuilt from its PNG. */
    public static Tensor input(JsonNode fixture) {
        try {
            return inputTensor(fixture.get("input"), root().resolve(fixture.get("image").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model input: pixel * scale + offset for every pixel of the PNG, row-major, channels last. */
    public static Tensor inputTensor(JsonNode input, Path png) throws IOException {
        var image = ImageIO.read(png.toFile());
        var raster = image.getRaster();
        int channels = input.get("channels").asText().equals("gray") ? 1 : 3;
        assertThat(raster.getNumBands()).as("bands of %s", png).isEqualTo(channels);
        double scale = input.get("scale").asDouble();
        double offset = input.get("offset").asDouble();
        long[] shape = JSON.convertValue(input.get("shape"), long[].class);
        int w = image.getWidth();
        int h = image.getHeight();
        assertThat(shape).containsExactly(1, h, w, channels);
        var values = new double[w * h * channels];
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    values[i++] = raster.getSample(x, y, c) * scale + offset;
                }
            }
        }
        if (input.get("dtype").asText().equals("int32")) {
            var ints = new int[values.length];
            for (int i = 0; i < ints.length; i++) {
                ints[i] = (int) values[i];
            }
            return Tensor.ofInts(ints, shape);
        }
        var floats = new float[values.length];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = (float) values[i];
        }
        return Tensor.ofFloats(floats, shape);
    }

}
