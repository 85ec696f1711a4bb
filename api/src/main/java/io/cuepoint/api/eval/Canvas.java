package io.cuepoint.api.eval;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * One picture being composed: a packed-RGB image that Java2D draws into and whose pixels the
 * transitions (blends, fades, flashes) compute exactly, so that the ground truth can say which frames
 * are blends and which are black.
 */
final class Canvas {
    private final BufferedImage image;
    private final int[] pixels;

    Canvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    int width() {
        return image.getWidth();
    }

    int height() {
        return image.getHeight();
    }

    BufferedImage image() {
        return image;
    }

    /** The packed 0xRRGGBB pixels, row by row; writes show in {@link #image()}. */
    int[] pixels() {
        return pixels;
    }

    /** A graphics context with smooth (bilinear, antialiased) drawing; the caller disposes it. */
    Graphics2D graphics() {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    void fill(int rgb) {
        java.util.Arrays.fill(pixels, rgb);
    }

    void copyFrom(Canvas other) {
        System.arraycopy(other.pixels, 0, pixels, 0, pixels.length);
    }

    /** This becomes {@code a} blended into {@code b}: weight {@code t} of {@code b} (0 = a, 1 = b). */
    void blend(Canvas a, Canvas b, double t) {
        int wb = (int) Math.round(t * 256);
        int wa = 256 - wb;
        int[] pa = a.pixels;
        int[] pb = b.pixels;
        for (int i = 0; i < pixels.length; i++) {
            int x = pa[i];
            int y = pb[i];
            int r = (((x >> 16) & 255) * wa + ((y >> 16) & 255) * wb + 128) >> 8;
            int g = (((x >> 8) & 255) * wa + ((y >> 8) & 255) * wb + 128) >> 8;
            int bl = ((x & 255) * wa + (y & 255) * wb + 128) >> 8;
            pixels[i] = (r << 16) | (g << 8) | bl;
        }
    }

    /** This becomes {@code a} mixed with the uniform colour {@code rgb}: weight {@code t} of the colour. */
    void toward(Canvas a, int rgb, double t) {
        int wb = (int) Math.round(t * 256);
        int wa = 256 - wb;
        int cr = ((rgb >> 16) & 255) * wb + 128;
        int cg = ((rgb >> 8) & 255) * wb + 128;
        int cb = (rgb & 255) * wb + 128;
        int[] pa = a.pixels;
        for (int i = 0; i < pixels.length; i++) {
            int x = pa[i];
            int r = (((x >> 16) & 255) * wa + cr) >> 8;
            int g = (((x >> 8) & 255) * wa + cg) >> 8;
            int bl = ((x & 255) * wa + cb) >> 8;
            pixels[i] = (r << 16) | (g << 8) | bl;
        }
    }

    /**
     * Adds sensor-like grain of up to {@code amplitude} levels, different every frame, so that a static
     * camera does not produce identical frames (which would be a frozen picture).
     */
    void grain(java.util.Random random, int amplitude) {
        if (amplitude <= 0) {
            return;
        }
        int span = 2 * amplitude + 1;
        long state = random.nextLong() | 1;
        for (int i = 0; i < pixels.length; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            int n = (int) ((state >>> 33) % span) - amplitude;
            int x = pixels[i];
            int r = clamp(((x >> 16) & 255) + n);
            int g = clamp(((x >> 8) & 255) + n);
            int b = clamp((x & 255) + n);
            pixels[i] = (r << 16) | (g << 8) | b;
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
