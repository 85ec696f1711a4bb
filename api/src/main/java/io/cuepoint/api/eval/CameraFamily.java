package io.cuepoint.api.eval;

import io.cuepoint.api.eval.GroundTruth.Label;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A handheld or head-mounted camera over a workbench: a crop window moving over a rendered scene three
 * frames wide and high, with pans, tilts, zooms, shake (several pixels of random jitter per frame at 720p)
 * and static stretches in which only a small object moves. Sensor grain keeps static frames alive.
 *
 * <p>Truth: one interval per movement, from the first frame that moved to the last; {@code direction}
 * is the camera's (pan right = the picture's content moves left; zoom in = the window shrinks).
 */
final class CameraFamily {
    static final List<String> SCORED = List.of("camera.pan", "camera.tilt", "camera.zoom", "camera.shake");

    private final CorpusSize size;
    private final List<BufferedImage> photos;

    CameraFamily(CorpusSize size, List<BufferedImage> photos) {
        this.size = size;
        this.photos = photos;
    }

    long render(Path video, ClipTruth truth, Random random) throws IOException {
        int w = size.width();
        int h = size.height();
        BufferedImage scene = WorkbenchScene.render(w * 3, h * 3, photos, random);
        long target = (long) size.otherSeconds() * ClipWriter.FPS;
        var out = new Canvas(w, h);
        double[] cam = {scene.getWidth() / 2.0, scene.getHeight() / 2.0, w};
        double margin = size.px(24);
        try (var writer = new ClipWriter(video, w, h, false)) {
            // Movements in shuffled rounds (1 pan, 2 tilt, 3 zoom, 4 shake), pans the most common.
            var moves = new ShuffleBag<>(random, List.of(1, 1, 2, 3, 4));
            double pace = size.brief() ? 0.6 : 1;
            int last = -1;
            while (writer.frames() < target) {
                boolean still = last != 0 && random.nextInt(100) < 55 || writer.frames() == 0;
                int type = still ? 0 : moves.next();
                if (type == last) {
                    type = 0;
                }
                last = type;
                int n = (int) Math.round(pace * (type == 0 ? 1 + 2 * random.nextDouble()
                        : type == 4 ? 1 + 1.5 * random.nextDouble() : 1.5 + 2.5 * random.nextDouble()) * ClipWriter.FPS);
                long start = writer.frames();
                double[] step = new double[3];
                String direction = null;
                String label = null;
                double shake = 0;
                if (type == 1 || type == 2) {
                    int axis = type == 1 ? 0 : 1;
                    double extent = axis == 0 ? scene.getWidth() : scene.getHeight();
                    double half = (axis == 0 ? cam[2] : cam[2] * h / w) / 2 + margin;
                    double speed = (0.08 + 0.25 * random.nextDouble()) * cam[2] / ClipWriter.FPS;
                    double ahead = extent - half - cam[axis];
                    double behind = cam[axis] - half;
                    boolean forward = random.nextBoolean();
                    if ((forward ? ahead : behind) < speed * n) {
                        forward = ahead >= behind;
                    }
                    double room = forward ? ahead : behind;
                    if (room < speed * n) {
                        // Not enough bench left: a shorter, slower move, still at least a second long.
                        n = Math.max(ClipWriter.FPS, n / 2);
                        speed = Math.min(speed, room * 0.95 / n);
                    }
                    step[axis] = forward ? speed : -speed;
                    label = axis == 0 ? "camera.pan" : "camera.tilt";
                    direction = axis == 0 ? (forward ? "right" : "left") : (forward ? "down" : "up");
                } else if (type == 3) {
                    double factor = 1.25 + 0.55 * random.nextDouble();
                    double maxW = Math.min(Math.min(cam[0], scene.getWidth() - cam[0]), Math.min(cam[1],
                            scene.getHeight() - cam[1]) * w / h) * 2 - 2 * margin;
                    boolean in = cam[2] * factor > Math.min(maxW, 2.0 * w) || (cam[2] / factor > 0.5 * w && random.nextBoolean());
                    step[2] = Math.pow(in ? 1 / factor : factor, 1.0 / n);
                    label = "camera.zoom";
                    direction = in ? "in" : "out";
                } else if (type == 4) {
                    shake = size.px(4 + 6 * random.nextDouble()) * cam[2] / w;
                    label = "camera.shake";
                }
                boolean object = type == 0 && random.nextBoolean();
                double ox = random.nextDouble();
                double oy = random.nextDouble();
                for (int k = 0; k < n; k++) {
                    cam[0] += step[0];
                    cam[1] += step[1];
                    if (step[2] != 0) {
                        cam[2] *= step[2];
                    }
                    double jx = shake == 0 ? 0 : (random.nextDouble() * 2 - 1) * shake;
                    double jy = shake == 0 ? 0 : (random.nextDouble() * 2 - 1) * shake;
                    draw(out, scene, cam[0] + jx, cam[1] + jy, cam[2], object ? k : -1, ox, oy);
                    out.grain(random, 1);
                    writer.video(out);
                }
                if (label != null) {
                    var l = Label.interval(label, start, start + n - 1);
                    truth.add(direction == null ? l : l.withDirection(direction));
                }
            }
            return writer.frames();
        }
    }

    private static void draw(Canvas out, BufferedImage scene, double cx, double cy, double cw, int objectFrame,
                             double ox, double oy) {
        double s = out.width() / cw;
        double ch = cw * out.height() / out.width();
        var t = new AffineTransform();
        t.scale(s, s);
        t.translate(-(cx - cw / 2), -(cy - ch / 2));
        Graphics2D g = out.graphics();
        g.drawImage(scene, t, null);
        if (objectFrame >= 0) {
            // Something moving on the bench while the camera holds still: local motion, not camera motion.
            g.transform(t);
            double r = ch * 0.04;
            double x = cx - cw / 4 + cw / 2 * ox + Math.sin(objectFrame / 9.0) * cw * 0.08;
            double y = cy - ch / 4 + ch / 2 * oy;
            g.setColor(new Color(230, 190, 160));
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }
        g.dispose();
    }
}
