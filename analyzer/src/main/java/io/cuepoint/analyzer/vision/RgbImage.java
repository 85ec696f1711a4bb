package io.cuepoint.analyzer.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.cuepoint.analyzer.AnalyzerException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A decoded analysis image on the Java heap: packed RGB, 3 bytes per pixel, rows top to bottom. The
 * translators sample it directly, so one decode serves a detector's model input and its crops.
 *
 * @param width  pixels per row
 * @param height rows
 * @param rgb    {@code width * height * 3} bytes
 */
public record RgbImage(int width, int height, byte[] rgb) {
    public RgbImage {
        if (width <= 0 || height <= 0 || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("an RGB image of " + width + "x" + height + " needs "
                    + (long) width * height * 3 + " bytes, got " + rgb.length);
        }
    }

    /**
     * Decodes a JPEG (or any format OpenCV reads) into RGB.
     *
     * @throws AnalyzerException when the bytes are not a decodable image
     */
    public static RgbImage decode(byte[] encoded) {
        try (var pointer = new BytePointer(encoded);
             var buffer = new Mat(1, encoded.length, CV_8U, pointer);
             var bgr = imdecode(buffer, IMREAD_COLOR);
             var rgb = new Mat()) {
            if (bgr.empty()) {
                throw new AnalyzerException("analysis image is not a decodable JPEG (" + encoded.length + " bytes)");
            }
            cvtColor(bgr, rgb, COLOR_BGR2RGB);
            var bytes = new byte[rgb.cols() * rgb.rows() * 3];
            // imdecode returns a continuous matrix, so its rows are packed back to back.
            rgb.data().get(bytes);
            return new RgbImage(rgb.cols(), rgb.rows(), bytes);
        }
    }

    /** Channel {@code c} (0 red, 1 green, 2 blue) of pixel (x, y), 0 to 255. */
    public int at(int x, int y, int c) {
        return rgb[(y * width + x) * 3 + c] & 0xff;
    }
}
