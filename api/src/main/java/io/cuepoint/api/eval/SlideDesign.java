package io.cuepoint.api.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One rendered lecture slide: a title, bullets that may appear one at a time (builds), and on some
 * layouts a diagram. Slides of one deck share a palette and layout family, as real decks do, so that
 * consecutive slides can look alike.
 *
 * @param layout  0 title band + bullets, 1 bullets + diagram, 2 section title, 3 diagram above bullets
 * @param palette background, title, text, accent colours
 * @param title   the title line
 * @param bullets the bullet lines, in build order
 * @param diagram 0 flow chart, 1 bar chart, 2 pie chart (layouts 1 and 3)
 */
record SlideDesign(int layout, Color[] palette, String title, List<String> bullets, int diagram) {
    static final Color[][] PALETTES = {
            {Color.WHITE, new Color(20, 40, 110), new Color(20, 20, 20), new Color(230, 120, 20)},
            {new Color(18, 32, 64), Color.WHITE, new Color(215, 220, 230), new Color(250, 200, 40)},
            {new Color(250, 244, 225), new Color(130, 20, 30), new Color(50, 50, 50), new Color(0, 130, 130)},
            {new Color(45, 45, 48), Color.WHITE, new Color(235, 235, 235), new Color(90, 200, 90)},
            {new Color(220, 235, 250), new Color(10, 50, 120), Color.BLACK, new Color(200, 30, 40)}};
    private static final String[] SUBJECTS = {"Cardiac output", "Wound closure", "Aseptic technique",
            "Sampling theory", "Renal clearance", "Signal flow", "Airway management", "Fourier series",
            "Enzyme kinetics", "Suture patterns", "Gradient descent", "Blood pressure", "Cell signalling",
            "Heat transfer", "Hand hygiene", "Neural networks"};
    private static final String[] WORDS = {"the", "patient", "measure", "before", "after", "pressure", "flow",
            "model", "error", "rate", "volume", "each", "step", "check", "sterile", "field", "time", "dose",
            "signal", "noise", "always", "never", "record", "compare", "baseline", "response", "limit",
            "instrument", "tension", "angle", "layer", "skin", "data", "result", "observe", "explain"};

    /** A random slide of a deck with the given palette and a layout from that deck's family. */
    static SlideDesign random(Random random, Color[] palette, int layoutBias) {
        int[] family = layoutBias == 0 ? new int[] {0, 1} : new int[] {1, 3};
        int layout = random.nextInt(7) == 0 ? 2 : family[random.nextInt(2)];
        String title = SUBJECTS[random.nextInt(SUBJECTS.length)] + ": " + words(random, 2 + random.nextInt(3));
        List<String> bullets = new ArrayList<>();
        int count = layout == 2 ? 0 : 2 + random.nextInt(layout == 0 ? 5 : 3);
        for (int i = 0; i < count; i++) {
            bullets.add(capitalize(words(random, 3 + random.nextInt(6))));
        }
        return new SlideDesign(layout, palette, title, List.copyOf(bullets), random.nextInt(3));
    }

    /** Draws the slide with its first {@code shown} bullets visible. */
    void draw(Graphics2D g, int w, int h, int shown) {
        g.setColor(palette[0]);
        g.fillRect(0, 0, w, h);
        if (layout == 2) {
            g.setColor(palette[3]);
            g.fillRect(w / 10, (int) (h * 0.56), (int) (w * 0.8), Math.max(2, h / 90));
            drawText(g, title, palette[1], Font.BOLD, h * 0.085, w / 10, (int) (h * 0.5), w * 0.8);
            return;
        }
        if (layout == 0) {
            g.setColor(palette[3]);
            g.fillRect(0, 0, w, (int) (h * 0.17));
            drawText(g, title, palette[0], Font.BOLD, h * 0.068, w / 20, (int) (h * 0.115), w * 0.9);
        } else {
            drawText(g, title, palette[1], Font.BOLD, h * 0.068, w / 20, (int) (h * 0.12), w * 0.9);
            g.setColor(palette[3]);
            g.fillRect(w / 20, (int) (h * 0.15), (int) (w * 0.9), Math.max(2, h / 180));
        }
        double textWidth = layout == 1 ? w * 0.5 : w * 0.88;
        int top = layout == 3 ? (int) (h * 0.66) : (int) (h * 0.3);
        double step = layout == 3 ? h * 0.085 : h * 0.105;
        for (int i = 0; i < Math.min(shown, bullets.size()); i++) {
            int y = (int) (top + i * step);
            g.setColor(palette[3]);
            int r = Math.max(3, h / 80);
            g.fillOval(w / 20, y - r * 2, r * 2, r * 2);
            drawText(g, bullets.get(i), palette[2], Font.PLAIN, h * 0.045, w / 20 + r * 4, y, textWidth);
        }
        if (layout == 1) {
            drawDiagram(g, w * 0.6, h * 0.28, w * 0.35, h * 0.55);
        } else if (layout == 3) {
            drawDiagram(g, w * 0.1, h * 0.2, w * 0.8, h * 0.36);
        }
    }

    /** Where bullet {@code i} is, for the presenter's pointer: x, y in pixels. */
    double[] bulletAnchor(int i, int w, int h) {
        int top = layout == 3 ? (int) (h * 0.66) : (int) (h * 0.3);
        double step = layout == 3 ? h * 0.085 : h * 0.105;
        return new double[] {w * 0.12, top + i * step - h * 0.015};
    }

    private void drawDiagram(Graphics2D g, double x, double y, double dw, double dh) {
        g.setStroke(new BasicStroke((float) Math.max(2, dh / 60)));
        if (diagram == 0) {
            int n = 3;
            double bw = dw / (n * 1.6);
            for (int i = 0; i < n; i++) {
                double bx = x + i * bw * 1.6;
                double by = y + (i % 2) * dh * 0.35;
                g.setColor(i == 1 ? palette[3] : palette[1]);
                g.fill(new RoundRectangle2D.Double(bx, by, bw, dh * 0.4, bw * 0.2, bw * 0.2));
                if (i > 0) {
                    g.setColor(palette[2]);
                    g.draw(new Line2D.Double(bx - bw * 0.6, by + dh * 0.2, bx, by + dh * 0.2));
                }
            }
        } else if (diagram == 1) {
            double[] values = {0.35, 0.8, 0.55, 0.95, 0.45};
            double bw = dw / (values.length * 1.5);
            g.setColor(palette[2]);
            g.draw(new Line2D.Double(x, y + dh, x + dw, y + dh));
            for (int i = 0; i < values.length; i++) {
                g.setColor(i % 2 == 0 ? palette[1] : palette[3]);
                double bh = values[(i + title.length()) % values.length] * dh;
                g.fill(new java.awt.geom.Rectangle2D.Double(x + i * bw * 1.5 + bw * 0.25, y + dh - bh, bw, bh));
            }
        } else {
            double d = Math.min(dw, dh);
            double start = 0;
            double[] shares = {0.4, 0.25, 0.2, 0.15};
            for (int i = 0; i < shares.length; i++) {
                g.setColor(i % 2 == 0 ? palette[3] : palette[1]);
                if (i == 2) {
                    g.setColor(palette[2]);
                }
                g.fill(new Arc2D.Double(x + (dw - d) / 2, y, d, d, start, shares[i] * 360, Arc2D.PIE));
                start += shares[i] * 360;
            }
        }
    }

    private static void drawText(Graphics2D g, String text, Color color, int style, double size, int x, int y,
                                 double maxWidth) {
        Font font = new Font(Font.SANS_SERIF, style, (int) Math.round(size));
        g.setFont(font);
        // Long lines shrink rather than run off the slide.
        double width = g.getFontMetrics().stringWidth(text);
        if (width > maxWidth) {
            g.setFont(font.deriveFont((float) (size * maxWidth / width)));
        }
        g.setColor(color);
        g.drawString(text, x, y);
    }

    private static String words(Random random, int n) {
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
