package io.cuepoint.api.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * A large rendered workbench (several frames wide and high) for a camera to move over: wood grain,
 * a gridded cutting mat, instruments, dishes, labels and pinned photographs, textured everywhere so that
 * sparse optical flow finds features wherever the camera looks.
 */
final class WorkbenchScene {
    private WorkbenchScene() {
    }

    static BufferedImage render(int width, int height, List<BufferedImage> photos, Random random) {
        var img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        double unit = height / 100.0;
        g.setColor(new Color(150, 105, 60));
        g.fillRect(0, 0, width, height);
        // Wood grain: long wavy strokes of slightly different browns.
        for (int i = 0; i < width / 3; i++) {
            int y = random.nextInt(height);
            int shade = random.nextInt(50) - 25;
            g.setColor(new Color(clamp(150 + shade), clamp(105 + shade), clamp(60 + shade / 2)));
            g.setStroke(new BasicStroke((float) (0.5 + random.nextDouble() * unit * 0.4)));
            int x = random.nextInt(width);
            g.draw(new Line2D.Double(x, y, x + unit * (10 + random.nextInt(60)), y + random.nextGaussian() * unit));
        }
        // Photographs pinned along the bench.
        for (int i = 0; i < 8; i++) {
            BufferedImage p = photos.get(random.nextInt(photos.size()));
            double ph = unit * (14 + random.nextInt(14));
            double pw = ph * p.getWidth() / p.getHeight();
            int x = random.nextInt(Math.max(1, (int) (width - pw)));
            int y = random.nextInt(Math.max(1, (int) (height - ph)));
            g.setColor(Color.WHITE);
            g.fillRect(x - 4, y - 4, (int) pw + 8, (int) ph + 8);
            g.drawImage(p, x, y, (int) pw, (int) ph, null);
        }
        // Cutting mats with a grid.
        for (int m = 0; m < 3; m++) {
            double mw = unit * (40 + random.nextInt(40));
            double mh = unit * (30 + random.nextInt(30));
            double mx = random.nextDouble() * (width - mw);
            double my = random.nextDouble() * (height - mh);
            g.setColor(new Color(40, 110 + random.nextInt(40), 70));
            g.fill(new RoundRectangle2D.Double(mx, my, mw, mh, unit * 2, unit * 2));
            g.setColor(new Color(200, 230, 200));
            g.setStroke(new BasicStroke((float) Math.max(1, unit * 0.15)));
            for (double gx = mx + unit * 3; gx < mx + mw; gx += unit * 3) {
                g.draw(new Line2D.Double(gx, my, gx, my + mh));
            }
            for (double gy = my + unit * 3; gy < my + mh; gy += unit * 3) {
                g.draw(new Line2D.Double(mx, gy, mx + mw, gy));
            }
        }
        // Instruments, dishes and labels.
        for (int i = 0; i < 60; i++) {
            double x = random.nextDouble() * width;
            double y = random.nextDouble() * height;
            switch (random.nextInt(3)) {
                case 0 -> {
                    g.setColor(new Color(190 + random.nextInt(50), 190 + random.nextInt(50), 200));
                    g.setStroke(new BasicStroke((float) (unit * 0.8), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    double len = unit * (8 + random.nextInt(12));
                    double a = random.nextDouble() * Math.PI;
                    g.draw(new Line2D.Double(x, y, x + len * Math.cos(a), y + len * Math.sin(a)));
                    g.setStroke(new BasicStroke((float) (unit * 0.4)));
                    g.draw(new Ellipse2D.Double(x - unit * 1.5, y - unit * 1.5, unit * 3, unit * 3));
                }
                case 1 -> {
                    double r = unit * (3 + random.nextInt(6));
                    g.setColor(new Color(220, 225, 235));
                    g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
                    g.setColor(Color.getHSBColor(random.nextFloat(), 0.6f, 0.8f));
                    g.fill(new Ellipse2D.Double(x - r * 0.6, y - r * 0.5, r * 1.1, r));
                }
                default -> {
                    g.setColor(new Color(250, 250, 235));
                    g.fillRect((int) x, (int) y, (int) (unit * 12), (int) (unit * 4));
                    g.setColor(Color.BLACK);
                    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (unit * 2.5)));
                    g.drawString("LOT " + (100 + random.nextInt(900)), (int) (x + unit), (int) (y + unit * 3));
                }
            }
        }
        // Fine specks: texture for the flow tracker between the larger things.
        for (int i = 0; i < width * height / 400; i++) {
            int v = random.nextInt(256);
            g.setColor(new Color(v, v, v));
            g.fillRect(random.nextInt(width), random.nextInt(height), 2, 2);
        }
        g.dispose();
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
