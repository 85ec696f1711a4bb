package io.cuepoint.api.eval;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A shot filmed from a photograph: a window of the output's aspect ratio that drifts and zooms slowly
 * over the still (Ken Burns), optionally with one fast whip pan, optionally with a ball rolling across.
 * Its motion never stops, so no two consecutive frames are the same. Defined for any local frame, so a
 * dissolve or a fade can keep it moving.
 */
final class StillShot {
    private final BufferedImage still;
    private final double aspect;
    private final double w0;
    private final double zoomPerFrame;
    private final double cx0;
    private final double cy0;
    private final double vx;
    private final double vy;
    private final int whipStart;
    private final int whipFrames;
    private final double whipDistance;
    private final double ballPhase;
    private final boolean ball;
    private final Color ballColour;

    /**
     * @param frames how many frames the shot lasts, transitions included
     * @param whipAt the local frame where a fast pan starts (it lasts 10-19 frames), or -1 for none
     */
    StillShot(BufferedImage still, int outW, int outH, int frames, int whipAt, Random random) {
        this(still, outW, outH, frames, whipAt, false, random);
    }

    /** A shot that is never nearly still: faster drift and always the rolling ball. */
    static StillShot lively(BufferedImage still, int outW, int outH, int frames, Random random) {
        return new StillShot(still, outW, outH, frames, -1, true, random);
    }

    private StillShot(BufferedImage still, int outW, int outH, int frames, int whipAt, boolean lively,
                      Random random) {
        boolean whip = whipAt >= 0;
        this.still = still;
        aspect = outH / (double) outW;
        double maxW = Math.min(still.getWidth(), still.getHeight() / aspect);
        w0 = maxW * (whip ? 0.48 : 0.62 + 0.3 * random.nextDouble());
        double w1 = Math.min(maxW, w0 * (0.85 + 0.3 * random.nextDouble()));
        zoomPerFrame = Math.pow(w1 / w0, 1.0 / Math.max(1, frames));
        // Slow drift: 0.4-1.5 output pixels per frame at 720p, whatever the output size.
        double speed = (lively ? 2 + random.nextDouble() : 0.4 + 1.1 * random.nextDouble()) * (w0 / 1280.0);
        double angle = random.nextDouble() * Math.PI * 2;
        vx = speed * Math.cos(angle);
        vy = speed * Math.sin(angle);
        whipFrames = whip ? 10 + random.nextInt(10) : 0;
        whipStart = whip ? whipAt : 0;
        double free = still.getWidth() - w0;
        whipDistance = whip ? free * 0.7 * (random.nextBoolean() ? 1 : -1) : 0;
        double lo = w0 / 2;
        cx0 = whip ? (whipDistance > 0 ? lo + free * 0.1 : still.getWidth() - lo - free * 0.1)
                : lo + random.nextDouble() * free;
        cy0 = w0 * aspect / 2 + random.nextDouble() * (still.getHeight() - w0 * aspect);
        ball = lively || random.nextInt(100) < 30;
        ballPhase = random.nextDouble();
        ballColour = Color.getHSBColor(random.nextFloat(), 0.8f, 0.95f);
    }

    /** Draws local frame {@code k} of the shot. */
    void draw(Canvas canvas, int k) {
        double w = Math.min(w0 * Math.pow(zoomPerFrame, k), Math.min(still.getWidth(), still.getHeight() / aspect));
        double h = w * aspect;
        double whip = 0;
        if (whipFrames > 0 && k > whipStart) {
            double t = Math.min(1, (k - whipStart) / (double) whipFrames);
            whip = whipDistance * (1 - Math.cos(Math.PI * t)) / 2;
        }
        double cx = clamp(cx0 + vx * k + whip, w / 2, still.getWidth() - w / 2);
        double cy = clamp(cy0 + vy * k, h / 2, still.getHeight() - h / 2);
        double s = canvas.width() / w;
        Graphics2D g = canvas.graphics();
        var t = new AffineTransform();
        t.scale(s, s);
        t.translate(-(cx - w / 2), -(cy - h / 2));
        g.drawImage(still, t, null);
        if (ball) {
            drawBall(g, canvas.width(), canvas.height(), k);
        }
        g.dispose();
    }

    private void drawBall(Graphics2D g, int w, int h, int k) {
        double r = h * 0.07;
        double period = 90;
        double u = (ballPhase + k / period) % 2;
        double x = r + (w - 2 * r) * (u < 1 ? u : 2 - u);
        double y = h * 0.65 - Math.abs(Math.sin(k / 14.0)) * h * 0.3;
        g.setPaint(new RadialGradientPaint((float) (x - r / 3), (float) (y - r / 3), (float) r,
                new float[] {0f, 1f}, new Color[] {Color.WHITE, ballColour}));
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }

    /** Folds {@code v} back into {@code [lo, hi]} (a bounce), so that the drift never stops at an edge. */
    private static double clamp(double v, double lo, double hi) {
        double span = hi - lo;
        if (span <= 1e-9) {
            return (lo + hi) / 2;
        }
        double u = Math.abs(v - lo) % (2 * span);
        return lo + (u <= span ? u : 2 * span - u);
    }
}
