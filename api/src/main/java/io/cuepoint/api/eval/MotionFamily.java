package io.cuepoint.api.eval;

import io.cuepoint.api.eval.GroundTruth.Label;
import io.cuepoint.api.eval.GroundTruth.Region;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fixed camera over a procedure: a static drape with a tray, and hands and instruments that move in
 * their own part of the picture, one at a time, between idle stretches in which nothing moves (only
 * sensor grain). Each movement starts and ends at the object's resting place.
 *
 * <p>Truth: one {@code motion.active} interval per movement, from the first frame that differs to the
 * last, with {@code box} the normalized region that the moving object covered (its resting place
 * included).
 */
final class MotionFamily {
    static final List<String> SCORED = List.of("motion.active");

    private final CorpusSize size;

    MotionFamily(CorpusSize size) {
        this.size = size;
    }

    /** A movable object: its parts in local coordinates around (0, 0), and where it rests. */
    private record Actor(List<Shape> parts, List<Color> colours, double restX, double restY, double restAngle) {
        Shape placed(Shape part, double x, double y, double angle) {
            var t = new AffineTransform();
            t.translate(x, y);
            t.rotate(angle);
            return t.createTransformedShape(part);
        }
    }

    long render(Path video, ClipTruth truth, Random random) throws IOException {
        int w = size.width();
        int h = size.height();
        var background = new Canvas(w, h);
        drawBackground(background, random);
        List<Actor> actors = new ArrayList<>();
        List<double[]> homes = new ArrayList<>(List.of(new double[] {0.25, 0.3}, new double[] {0.72, 0.35},
                new double[] {0.4, 0.72}, new double[] {0.78, 0.75}));
        java.util.Collections.shuffle(homes, random);
        for (int i = 0; i < 3; i++) {
            double[] home = homes.get(i);
            actors.add(i % 2 == 0 ? hand(h, w * home[0], h * home[1], random) : instrument(h, w * home[0], h * home[1], random));
        }
        long target = (long) size.otherSeconds() * ClipWriter.FPS;
        var out = new Canvas(w, h);
        double[][] pose = new double[actors.size()][];
        for (int i = 0; i < actors.size(); i++) {
            pose[i] = new double[] {actors.get(i).restX(), actors.get(i).restY(), actors.get(i).restAngle()};
        }
        try (var writer = new ClipWriter(video, w, h, false)) {
            while (writer.frames() < target) {
                double pace = size.brief() ? 0.5 : 1;
                int idle = (int) Math.round(pace * (1.5 + 3.5 * random.nextDouble()) * ClipWriter.FPS);
                for (int k = 0; k < idle; k++) {
                    frame(writer, out, background, actors, pose, random);
                }
                int who = random.nextInt(actors.size());
                Actor actor = actors.get(who);
                int n = (int) Math.round(Math.max(1, pace * (1 + 4 * random.nextDouble())) * ClipWriter.FPS);
                int cyclesX = 1 + random.nextInt(1 + n / 40);
                int cyclesY = 1 + random.nextInt(1 + n / 40);
                double ax = w * (0.04 + 0.1 * random.nextDouble());
                double ay = h * (0.04 + 0.1 * random.nextDouble());
                double turn = random.nextDouble() * 0.6;
                long start = writer.frames();
                Rectangle2D box = bounds(actor, pose[who]);
                for (int k = 1; k <= n; k++) {
                    double u = k / (double) n;
                    pose[who][0] = actor.restX() + ax * Math.sin(2 * Math.PI * cyclesX * u);
                    pose[who][1] = actor.restY() + ay * Math.sin(2 * Math.PI * cyclesY * u) * (k == n ? 0 : 1);
                    pose[who][2] = actor.restAngle() + turn * Math.sin(2 * Math.PI * u);
                    if (k == n) {
                        pose[who][0] = actor.restX();
                        pose[who][2] = actor.restAngle();
                    }
                    box.add(bounds(actor, pose[who]));
                    frame(writer, out, background, actors, pose, random);
                }
                Rectangle2D clipped = box.createIntersection(new Rectangle2D.Double(0, 0, w, h));
                truth.add(Label.interval("motion.active", start, start + n - 1).withBox(new Region(
                        round(clipped.getMinX() / w), round(clipped.getMinY() / h),
                        round(clipped.getMaxX() / w), round(clipped.getMaxY() / h))));
            }
            int tail = ClipWriter.FPS;
            for (int k = 0; k < tail; k++) {
                frame(writer, out, background, actors, pose, random);
            }
            return writer.frames();
        }
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static void frame(ClipWriter writer, Canvas out, Canvas background, List<Actor> actors, double[][] pose,
                              Random random) throws IOException {
        out.copyFrom(background);
        Graphics2D g = out.graphics();
        for (int i = 0; i < actors.size(); i++) {
            Actor a = actors.get(i);
            for (int p = 0; p < a.parts().size(); p++) {
                g.setColor(a.colours().get(p));
                g.fill(a.placed(a.parts().get(p), pose[i][0], pose[i][1], pose[i][2]));
            }
        }
        g.dispose();
        out.grain(random, 2);
        writer.video(out);
    }

    private static Rectangle2D bounds(Actor actor, double[] pose) {
        Rectangle2D r = null;
        for (Shape part : actor.parts()) {
            Rectangle2D b = actor.placed(part, pose[0], pose[1], pose[2]).getBounds2D();
            if (r == null) {
                r = b;
            } else {
                r.add(b);
            }
        }
        // Antialiased edges reach one pixel further.
        r.setRect(r.getX() - 1, r.getY() - 1, r.getWidth() + 2, r.getHeight() + 2);
        return r;
    }

    private static Actor hand(int h, double x, double y, Random random) {
        double u = h / 100.0;
        var palm = new Area(new Ellipse2D.Double(-5 * u, -6 * u, 10 * u, 12 * u));
        for (int f = 0; f < 4; f++) {
            palm.add(new Area(new RoundRectangle2D.Double(-4.8 * u + f * 2.6 * u, -13 * u, 2.2 * u, 9 * u, 2 * u, 2 * u)));
        }
        palm.add(new Area(new RoundRectangle2D.Double(4 * u, -4 * u, 6 * u, 2.4 * u, 2 * u, 2 * u)));
        var glove = random.nextBoolean() ? new Color(235, 200, 175) : new Color(120, 170, 225);
        var cuff = new RoundRectangle2D.Double(-4.5 * u, 5 * u, 9 * u, 8 * u, u, u);
        return new Actor(List.of(cuff, palm), List.of(new Color(60, 90, 140), glove), x, y, random.nextDouble() - 0.5);
    }

    private static Actor instrument(int h, double x, double y, Random random) {
        double u = h / 100.0;
        var body = new Area(new RoundRectangle2D.Double(-1 * u, -14 * u, 2 * u, 22 * u, u, u));
        var rings = new Area(new Ellipse2D.Double(-4.5 * u, 7 * u, 4 * u, 4 * u));
        rings.add(new Area(new Ellipse2D.Double(0.5 * u, 7 * u, 4 * u, 4 * u)));
        rings.subtract(new Area(new Ellipse2D.Double(-3.5 * u, 8 * u, 2 * u, 2 * u)));
        rings.subtract(new Area(new Ellipse2D.Double(1.5 * u, 8 * u, 2 * u, 2 * u)));
        var steel = new Color(200, 205, 215);
        return new Actor(List.of(body, rings), List.of(steel, steel.darker()), x, y, random.nextDouble() * 2 - 1);
    }

    private static void drawBackground(Canvas canvas, Random random) {
        int w = canvas.width();
        int h = canvas.height();
        Graphics2D g = canvas.graphics();
        g.setColor(new Color(40, 110, 120));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < w * h / 300; i++) {
            int v = random.nextInt(30) - 15;
            g.setColor(new Color(40 + v, 110 + v, 120 + v));
            g.fillRect(random.nextInt(w), random.nextInt(h), 3, 3);
        }
        // A fenestrated drape opening and an instrument tray along the bottom edge.
        g.setColor(new Color(200, 150, 130));
        g.fill(new Ellipse2D.Double(w * 0.38, h * 0.3, w * 0.24, h * 0.28));
        g.setColor(new Color(170, 175, 185));
        g.fillRect((int) (w * 0.05), (int) (h * 0.88), (int) (w * 0.5), (int) (h * 0.1));
        g.setColor(new Color(90, 95, 105));
        for (int i = 0; i < 6; i++) {
            g.fillRect((int) (w * (0.07 + i * 0.075)), (int) (h * 0.9), (int) (w * 0.05), (int) (h * 0.015));
        }
        g.dispose();
    }
}
