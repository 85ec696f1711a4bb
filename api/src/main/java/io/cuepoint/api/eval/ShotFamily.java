package io.cuepoint.api.eval;

import io.cuepoint.api.eval.GroundTruth.Label;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Edited footage: shots of 0.5-10 s filmed from real photographs (slow pan and zoom, some with a rolling
 * ball or a whip pan), joined by hard cuts, dissolves and fades through black, with camera flashes
 * (1-3 near-white frames) inside shots. Some cuts join look-alike grey shots.
 *
 * <p>Truth: {@code shot.cut} on the first frame of each new shot; {@code shot.transition} from the first
 * to the last blended frame; {@code tech.black} for the fully black frames of a fade.
 */
final class ShotFamily {
    static final List<String> SCORED = List.of("shot.cut", "shot.transition", "tech.black");
    private static final int WHITE = 0xFFFFFF;
    private static final int CUT = 0;
    private static final int DISSOLVE = 1;
    private static final int FADE = 2;
    private static final int GREY = 3;

    private final CorpusSize size;
    private final List<BufferedImage> colour;
    private final List<BufferedImage> grey;

    ShotFamily(CorpusSize size, List<BufferedImage> colour, List<BufferedImage> grey) {
        this.size = size;
        this.colour = colour;
        this.grey = grey;
    }

    long render(Path video, ClipTruth truth, Random random) throws IOException {
        int w = size.width();
        int h = size.height();
        long target = (long) size.otherSeconds() * ClipWriter.FPS;
        var a = new Canvas(w, h);
        var b = new Canvas(w, h);
        var out = new Canvas(w, h);
        // Transitions in shuffled rounds; GREY starts a cut between two look-alike grey shots.
        var transitions = new ShuffleBag<>(random, size.brief() ? List.of(CUT, CUT, DISSOLVE, FADE, GREY)
                : List.of(CUT, CUT, CUT, CUT, DISSOLVE, DISSOLVE, FADE, GREY));
        try (var writer = new ClipWriter(video, w, h, false)) {
            boolean pendingGrey = false;
            int body = shotFrames(random);
            StillShot shot = new StillShot(pick(random, false), w, h, body + 40, whip(random, 0, body), random);
            int local = 0;
            while (true) {
                int flashAt = body > 40 && random.nextInt(100) < 35 ? local + 10 + random.nextInt(body - 20) : -1;
                int flashFrames = 1 + random.nextInt(3);
                for (int k = 0; k < body; k++, local++) {
                    shot.draw(a, local);
                    if (flashAt >= 0 && local >= flashAt && local < flashAt + flashFrames) {
                        out.toward(a, WHITE, 0.85 + 0.15 * random.nextDouble());
                        writer.video(out);
                    } else {
                        writer.video(a);
                    }
                }
                if (writer.frames() >= target) {
                    return writer.frames();
                }
                int kind = pendingGrey ? CUT : transitions.next();
                boolean greyNext = pendingGrey || kind == GREY;
                pendingGrey = kind == GREY;
                int nextBody = shotFrames(random);
                int dissolve = kind == DISSOLVE ? 8 + random.nextInt(18) : 0;
                boolean fade = kind == FADE;
                int fadeIn = fade ? 6 + random.nextInt(15) : 0;
                StillShot next = new StillShot(pick(random, greyNext), w, h, nextBody + dissolve + fadeIn + 40,
                        whip(random, dissolve + fadeIn, nextBody), random);
                long at = writer.frames();
                if (dissolve > 0) {
                    truth.add(Label.interval("shot.transition", at, at + dissolve - 1).withKind("dissolve"));
                    for (int j = 0; j < dissolve; j++, local++) {
                        shot.draw(a, local);
                        next.draw(b, j);
                        out.blend(a, b, (j + 1.0) / (dissolve + 1.0));
                        writer.video(out);
                    }
                } else if (fade) {
                    int fadeOut = 6 + random.nextInt(15);
                    int black = 3 + random.nextInt(size.brief() ? 10 : 30);
                    truth.add(Label.interval("shot.transition", at, at + fadeOut - 1).withKind("fade-out"));
                    truth.add(Label.interval("tech.black", at + fadeOut, at + fadeOut + black - 1));
                    truth.add(Label.interval("shot.transition", at + fadeOut + black, at + fadeOut + black + fadeIn - 1)
                            .withKind("fade-in"));
                    for (int j = 0; j < fadeOut; j++, local++) {
                        shot.draw(a, local);
                        out.toward(a, 0, (j + 1.0) / (fadeOut + 1.0));
                        writer.video(out);
                    }
                    out.fill(0);
                    for (int j = 0; j < black; j++) {
                        writer.video(out);
                    }
                    for (int j = 0; j < fadeIn; j++) {
                        next.draw(b, j);
                        out.toward(b, 0, 1 - (j + 1.0) / (fadeIn + 1.0));
                        writer.video(out);
                    }
                } else {
                    truth.add(Label.instant("shot.cut", at));
                }
                shot = next;
                local = dissolve + fadeIn;
                body = nextBody;
            }
        }
    }

    private BufferedImage previous;

    /** A photograph other than the previous shot's: two windows of one photo could look the same. */
    private BufferedImage pick(Random random, boolean greyShot) {
        List<BufferedImage> pool = greyShot ? grey : colour;
        BufferedImage still;
        do {
            still = pool.get(random.nextInt(pool.size()));
        } while (still == previous);
        previous = still;
        return still;
    }

    /**
     * Where a third of the shots longer than 2.4 s have a whip pan (local frame), else -1. It lies in the
     * second quarter of the shot's own frames, after the transition into it and well before the next.
     */
    private static int whip(Random random, int incoming, int body) {
        if (body < 60 || random.nextInt(3) != 0) {
            return -1;
        }
        return incoming + body / 4 + random.nextInt(body / 4);
    }

    /** 0.5-10 s: a fifth short, half medium, the rest long; 0.5-4 s in a brief corpus. */
    private int shotFrames(Random random) {
        int p = random.nextInt(100);
        if (size.brief()) {
            return (int) Math.round((p < 30 ? 0.5 + random.nextDouble() : 1.5 + 1.5 * random.nextDouble()) * ClipWriter.FPS);
        }
        double s = p < 20 ? 0.5 + random.nextDouble() : p < 70 ? 2 + 3 * random.nextDouble() : 5 + 5 * random.nextDouble();
        return (int) Math.round(s * ClipWriter.FPS);
    }
}
