package io.cuepoint.analyzer.detect;

/**
 * How one analysis image relates to the one sampled before it: the same slide (nothing changed, or only a
 * small animation), a build (content added to a mostly unchanged slide) or a change (another slide, or
 * not a slide at all).
 *
 * <p>Both images are cut into a 16 x 9 grid; a cell changed when its mean absolute grey-level difference
 * reaches {@link SlideConfig#changeLevel()}. The corner block with the most changed cells is left out of
 * every measure, so a live presenter in a picture-in-picture corner, with its own cuts, never splits a
 * slide. A build changes more than an animation but keeps what was there: of the earlier image's content
 * pixels (those that stand out from the most common grey level of their cell, i.e. text on the
 * background), at most {@link SlideConfig#maxRemoved()} change.
 */
final class SlideComparison {
    enum Relation { SAME, BUILD, CHANGE }

    static final int COLS = 16;
    static final int ROWS = 9;
    /** A pixel changed strongly (content appeared or disappeared) at this grey-level difference. */
    private static final int STRONG = 40;
    /** A pixel is content when it differs this much from its cell's most common grey level. */
    private static final int CONTENT = 24;

    private SlideComparison() {
    }

    static Relation compare(SlideImage before, SlideImage after, SlideConfig config) {
        if (before.width != after.width || before.height != after.height) {
            return Relation.CHANGE;
        }
        int w = before.width;
        int h = before.height;
        var sums = new long[COLS * ROWS];
        var counts = new int[COLS * ROWS];
        var cellOf = new int[w];
        for (int x = 0; x < w; x++) {
            cellOf[x] = x * COLS / w;
        }
        for (int y = 0; y < h; y++) {
            int rowBase = y * ROWS / h * COLS;
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int cell = rowBase + cellOf[x];
                sums[cell] += Math.abs((before.gray[base + x] & 0xff) - (after.gray[base + x] & 0xff));
                counts[cell]++;
            }
        }
        var changed = new boolean[COLS * ROWS];
        var cornerChanged = new int[4];
        int cornerCols = (int) Math.ceil(SlideSignature.CORNER_WIDTH * COLS);
        int cornerRows = (int) Math.ceil(SlideSignature.CORNER_HEIGHT * ROWS);
        for (int i = 0; i < changed.length; i++) {
            changed[i] = counts[i] > 0 && sums[i] >= config.changeLevel() * counts[i];
            int corner = SlideSignature.corner(i % COLS, i / COLS, COLS, ROWS, cornerCols, cornerRows);
            if (changed[i] && corner >= 0) {
                cornerChanged[corner]++;
            }
        }
        int worst = 0;
        for (int c = 1; c < 4; c++) {
            worst = cornerChanged[c] > cornerChanged[worst] ? c : worst;
        }
        var counted = new boolean[COLS * ROWS];
        int considered = 0;
        int changedCount = 0;
        for (int i = 0; i < changed.length; i++) {
            counted[i] = SlideSignature.corner(i % COLS, i / COLS, COLS, ROWS, cornerCols, cornerRows) != worst;
            if (counted[i]) {
                considered++;
                changedCount += changed[i] ? 1 : 0;
            }
        }
        double share = (double) changedCount / considered;
        if (share <= config.animationShare()) {
            return Relation.SAME;
        }
        if (share > config.buildShare()) {
            return Relation.CHANGE;
        }
        return removedShare(before, after, counted) <= config.maxRemoved() ? Relation.BUILD : Relation.CHANGE;
    }

    /**
     * The share of {@code before}'s content pixels, in the counted cells, that changed strongly; 1 when
     * there is hardly any content (a blank picture turning into a slide is not a build).
     */
    private static double removedShare(SlideImage before, SlideImage after, boolean[] counted) {
        int w = before.width;
        int h = before.height;
        long content = 0;
        long removed = 0;
        var hist = new int[64];
        for (int cell = 0; cell < COLS * ROWS; cell++) {
            if (!counted[cell]) {
                continue;
            }
            int x0 = cell % COLS * w / COLS;
            int x1 = (cell % COLS + 1) * w / COLS;
            int y0 = cell / COLS * h / ROWS;
            int y1 = (cell / COLS + 1) * h / ROWS;
            java.util.Arrays.fill(hist, 0);
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    hist[before.at(x, y) >> 2]++;
                }
            }
            int mode = 0;
            for (int b = 1; b < hist.length; b++) {
                mode = hist[b] > hist[mode] ? b : mode;
            }
            int background = mode * 4 + 2;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    int v = before.at(x, y);
                    if (Math.abs(v - background) >= CONTENT) {
                        content++;
                        removed += Math.abs(after.at(x, y) - v) >= STRONG ? 1 : 0;
                    }
                }
            }
        }
        long pixels = (long) w * h;
        return content < pixels / 200 ? 1 : (double) removed / content;
    }
}
