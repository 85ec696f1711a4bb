package io.cuepoint.api.eval;

import io.cuepoint.api.eval.GroundTruth.Label;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lecture clips: a deck of rendered slides shown for 4-40 s each, changed mostly by hard cuts and
 * sometimes by short dissolves, with incremental builds (one bullet at a time), a moving pointer and a
 * progress bar inside a slide, and returns to earlier slides. With a presenter picture-in-picture, only
 * {@code slide.shown} is scored: the presenter video's own cuts are not slide changes.
 *
 * <p>A dissolve's change instant is its middle: the earlier slide's interval ends just before it.
 */
final class LectureFamily {
    private final CorpusSize size;
    private final Presenter presenter;

    LectureFamily(CorpusSize size, Presenter presenter) {
        this.size = size;
        this.presenter = presenter;
    }

    /** One stay on a slide. */
    private record Visit(int slide, int frames, int initialBullets, int[] buildFrames, int pointerStart,
                         int pointerFrames, int dissolveIn) {
        int shown(int k) {
            int n = initialBullets;
            for (int b : buildFrames) {
                if (k >= b) {
                    n++;
                }
            }
            return n;
        }
    }

    long render(Path video, ClipTruth truth, Random random, boolean pip) throws IOException {
        int w = size.width();
        int h = size.height();
        boolean slice = size == CorpusSize.SLICE;
        Color[] palette = SlideDesign.PALETTES[random.nextInt(SlideDesign.PALETTES.length)];
        int bias = random.nextInt(2);
        List<SlideDesign> deck = new ArrayList<>();
        List<Visit> visits = plan(random, deck, palette, bias, slice);
        long presenterOffset = random.nextInt(300);
        var slideA = new Canvas(w, h);
        var slideB = new Canvas(w, h);
        var out = new Canvas(w, h);
        long frame = 0;
        try (var writer = new ClipWriter(video, w, h, false)) {
            long shownStart = 0;
            for (int v = 0; v < visits.size(); v++) {
                Visit visit = visits.get(v);
                int dissolve = visit.dissolveIn();
                if (v > 0) {
                    Visit prev = visits.get(v - 1);
                    long change = frame + dissolve / 2;
                    addShown(truth, visits.get(v - 1), shownStart, change - 1);
                    shownStart = change;
                    if (!pip) {
                        if (dissolve > 0) {
                            truth.add(Label.interval("shot.transition", frame, frame + dissolve - 1).withKind("dissolve"));
                        } else {
                            truth.add(Label.instant("shot.cut", frame));
                        }
                    }
                    for (int j = 0; j < dissolve; j++) {
                        drawSlide(slideA, deck, prev, prev.frames() + j);
                        drawSlide(slideB, deck, visit, j);
                        out.blend(slideA, slideB, (j + 1.0) / (dissolve + 1.0));
                        frame = emit(writer, out, pip, frame, presenterOffset);
                    }
                }
                for (int k = dissolve; k < visit.frames(); k++) {
                    drawSlide(out, deck, visit, k);
                    frame = emit(writer, out, pip, frame, presenterOffset);
                }
            }
            addShown(truth, visits.get(visits.size() - 1), shownStart, frame - 1);
            return writer.frames();
        }
    }

    private long emit(ClipWriter writer, Canvas out, boolean pip, long frame, long offset) throws IOException {
        if (pip) {
            presenter.draw(out, frame, offset);
        }
        writer.video(out);
        return frame + 1;
    }

    private static void addShown(ClipTruth truth, Visit visit, long start, long end) {
        truth.add(Label.interval("slide.shown", start, end).withSlide(visit.slide() + 1, visit.buildFrames().length));
    }

    private List<Visit> plan(Random random, List<SlideDesign> deck, Color[] palette, int bias, boolean slice) {
        long target = (long) size.lectureSeconds() * ClipWriter.FPS;
        List<Visit> visits = new ArrayList<>();
        long total = 0;
        int previous = -1;
        while (slice ? visits.size() < 4 : total < target) {
            int slide;
            // The slice always returns to an earlier slide in its fourth stay.
            boolean revisit = deck.size() >= 3 && (slice ? visits.size() == 3 : random.nextInt(100) < 18);
            if (revisit) {
                do {
                    slide = random.nextInt(deck.size());
                } while (slide == previous);
            } else {
                slide = deck.size();
                deck.add(SlideDesign.random(random, palette, bias));
            }
            double seconds = slice ? 4 + random.nextDouble() * 0.8 : dwellSeconds(random);
            int frames = (int) Math.round(seconds * ClipWriter.FPS);
            int bullets = deck.get(slide).bullets().size();
            int initial = bullets;
            int[] builds = new int[0];
            if (!revisit && bullets > 1 && random.nextInt(100) < 65) {
                // Builds: one bullet at a time, at least 1.2 s apart, none in the first or last second.
                int room = (frames - 2 * ClipWriter.FPS) / (int) (1.2 * ClipWriter.FPS);
                int count = Math.min(bullets - 1, Math.max(0, Math.min(room, 1 + random.nextInt(bullets))));
                initial = bullets - count;
                builds = new int[count];
                int span = frames - 2 * ClipWriter.FPS - (int) (1.2 * ClipWriter.FPS) * Math.max(0, count - 1);
                int at = ClipWriter.FPS + (count == 0 ? 0 : random.nextInt(Math.max(1, span / (count + 1))));
                for (int i = 0; i < count; i++) {
                    builds[i] = at;
                    at += (int) (1.2 * ClipWriter.FPS) + random.nextInt(Math.max(1, span / (count + 1)));
                }
            }
            int pointerStart = -1;
            int pointerFrames = 0;
            if (bullets > 0 && random.nextInt(100) < 40 && frames > 3 * ClipWriter.FPS) {
                pointerFrames = Math.min(frames - 2 * ClipWriter.FPS, (2 + random.nextInt(3)) * ClipWriter.FPS);
                pointerStart = ClipWriter.FPS / 2 + random.nextInt(Math.max(1, frames - pointerFrames - ClipWriter.FPS * 3 / 2));
            }
            int dissolve = !visits.isEmpty() && random.nextInt(100) < 22 ? 6 + random.nextInt(8) : 0;
            visits.add(new Visit(slide, frames, initial, builds, pointerStart, pointerFrames, dissolve));
            total += frames;
            previous = slide;
        }
        return visits;
    }

    /** 4-40 s, most stays between 8 and 25 s. */
    private static double dwellSeconds(Random random) {
        return Math.min(40, Math.max(4, 4 * Math.exp(random.nextDouble() * Math.log(10)) * (0.8 + 0.4 * random.nextDouble())));
    }

    /** Slides as drawn, by slide and bullets shown: text is drawn once, not on every frame. */
    private final java.util.Map<Long, Canvas> drawn = new java.util.HashMap<>();

    private void drawSlide(Canvas canvas, List<SlideDesign> deck, Visit visit, int k) {
        SlideDesign design = deck.get(visit.slide());
        int w = canvas.width();
        int h = canvas.height();
        int shown = visit.shown(Math.min(k, visit.frames() - 1));
        long key = visit.slide() * 1000L + shown;
        Canvas still = drawn.get(key);
        if (still == null) {
            if (drawn.size() > 6) {
                drawn.clear();
            }
            still = new Canvas(w, h);
            Graphics2D sg = still.graphics();
            design.draw(sg, w, h, shown);
            sg.dispose();
            drawn.put(key, still);
        }
        canvas.copyFrom(still);
        Graphics2D g = canvas.graphics();
        // Animations inside the slide: a progress bar that grows every frame on the design's accent colour.
        if (design.layout() != 2 && design.title().length() % 3 == 0) {
            g.setColor(design.palette()[3]);
            int bar = (int) Math.round(w * Math.min(1.0, (k + 1.0) / (visit.frames() + 12)));
            g.fillRect(0, h - Math.max(3, h / 120), bar, Math.max(3, h / 120));
        }
        if (visit.pointerStart() >= 0 && k >= visit.pointerStart() && k < visit.pointerStart() + visit.pointerFrames()) {
            double t = (k - visit.pointerStart()) / (double) visit.pointerFrames();
            int bullets = Math.max(1, visit.shown(k));
            double pos = t * (bullets - 1);
            int i = (int) Math.floor(pos);
            double[] a = design.bulletAnchor(i, w, h);
            double[] b = design.bulletAnchor(Math.min(bullets - 1, i + 1), w, h);
            double f = pos - i;
            double x = a[0] + (b[0] - a[0]) * f + w * 0.25 * Math.sin(t * Math.PI * 3);
            double y = a[1] + (b[1] - a[1]) * f;
            double r = h * 0.012;
            g.setColor(new Color(255, 40, 40, 90));
            g.fill(new Ellipse2D.Double(x - 2 * r, y - 2 * r, 4 * r, 4 * r));
            g.setColor(new Color(255, 20, 20));
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }
        g.dispose();
    }
}
