package io.cuepoint.api.motion;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders a heatmap as a small false-colour PNG, {@code scale} pixels per cell. Colours run from black (no
 * motion) through purple and red to pale yellow at the shot's busiest cell: scaled to the peak, so that a quiet
 * shot still shows where its little motion was.
 */
public final class HeatmapPng {
    /** Colour stops at 0, ¼, ½, ¾ and 1, close to matplotlib's "inferno". */
    private static final int[][] STOPS = {{0, 0, 4}, {87, 16, 110}, {188, 55, 84}, {249, 142, 9}, {252, 255, 164}};

    private HeatmapPng() {
    }

    public static byte[] render(Heatmap heatmap, int scale) {
        double peak = heatmap.peak() == null ? 0 : heatmap.peak().share();
        var image = new BufferedImage(heatmap.cols() * scale, heatmap.rows() * scale, BufferedImage.TYPE_INT_RGB);
        for (int cell = 0; cell < heatmap.cells().size(); cell++) {
            int rgb = colour(peak <= 0 ? 0 : heatmap.cells().get(cell) / peak);
            int x0 = (cell % heatmap.cols()) * scale;
            int y0 = (cell / heatmap.cols()) * scale;
            for (int y = y0; y < y0 + scale; y++) {
                for (int x = x0; x < x0 + scale; x++) {
                    image.setRGB(x, y, rgb);
                }
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding into memory failed", e);
        }
        return out.toByteArray();
    }

    /** The colour of {@code t} in [0, 1], interpolated between the stops. */
    static int colour(double t) {
        double x = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) x);
        double f = x - i;
        int rgb = 0;
        for (int ch = 0; ch < 3; ch++) {
            rgb = rgb << 8 | (int) Math.round(STOPS[i][ch] + (STOPS[i + 1][ch] - STOPS[i][ch]) * f);
        }
        return rgb;
    }
}
