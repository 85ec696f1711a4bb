package io.cuepoint.analyzer.detect;

/**
 * The identity of a slide: which cells of a 48 x 27 grid over the picture hold content (edges of text,
 * lines, figures), written as {@code 48x27:<hex>}, one bit per cell, row by row, most significant bit
 * first. Two keyframes show the same slide when their signatures are close ({@link #distance}); the api
 * uses this to recognise a return to an earlier slide.
 *
 * <p>The distance is the Jaccard distance of the content cells (cells that differ / cells that hold content
 * in either), leaving out the corner block (30 % of the width, 40 % of the height) where the two differ
 * most: a presenter shown picture-in-picture in a corner changes that corner from one keyframe to the
 * next, not the slide.
 */
public final class SlideSignature {
    /** Signatures closer than this show the same slide. */
    public static final double SAME_SLIDE = 0.25;
    static final double CORNER_WIDTH = 0.3;
    static final double CORNER_HEIGHT = 0.4;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SlideSignature() {
    }

    /** The signature of a 48 x 27 content grid, row by row. */
    public static String encode(boolean[] cells) {
        if (cells.length != SlideImage.INK_COLS * SlideImage.INK_ROWS) {
            throw new IllegalArgumentException("a signature has " + SlideImage.INK_COLS * SlideImage.INK_ROWS
                    + " cells, not " + cells.length);
        }
        var out = new StringBuilder(SlideImage.INK_COLS + "x" + SlideImage.INK_ROWS + ":");
        for (int i = 0; i < cells.length; i += 4) {
            int nibble = 0;
            for (int b = 0; b < 4; b++) {
                nibble = nibble << 1 | (i + b < cells.length && cells[i + b] ? 1 : 0);
            }
            out.append(HEX[nibble]);
        }
        return out.toString();
    }

    /**
     * How different two slides look, 0 (same content layout) to 1 (nothing in common).
     *
     * @throws IllegalArgumentException when either is not a signature or their grids differ
     */
    public static double distance(String a, String b) {
        var cellsA = decode(a);
        var cellsB = decode(b);
        int cols = cols(a);
        if (cols <= 0 || cellsA.length % cols != 0) {
            throw new IllegalArgumentException("not a slide signature: " + head(a));
        }
        if (cellsA.length != cellsB.length || cols != cols(b)) {
            throw new IllegalArgumentException("signatures of different grids: " + head(a) + " and " + head(b));
        }
        int rows = cellsA.length / cols;
        int cornerCols = (int) Math.ceil(CORNER_WIDTH * cols);
        int cornerRows = (int) Math.ceil(CORNER_HEIGHT * rows);
        var cornerDiff = new int[4];
        var cornerUnion = new int[4];
        int diff = 0;
        int union = 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                boolean p = cellsA[y * cols + x];
                boolean q = cellsB[y * cols + x];
                int d = p != q ? 1 : 0;
                int u = p || q ? 1 : 0;
                diff += d;
                union += u;
                int corner = corner(x, y, cols, rows, cornerCols, cornerRows);
                if (corner >= 0) {
                    cornerDiff[corner] += d;
                    cornerUnion[corner] += u;
                }
            }
        }
        int worst = 0;
        for (int c = 1; c < 4; c++) {
            worst = cornerDiff[c] > cornerDiff[worst] ? c : worst;
        }
        diff -= cornerDiff[worst];
        union -= cornerUnion[worst];
        return union == 0 ? 0 : (double) diff / union;
    }

    /** Which corner block (0 top left, 1 top right, 2 bottom left, 3 bottom right) a cell is in, or -1. */
    static int corner(int x, int y, int cols, int rows, int cornerCols, int cornerRows) {
        boolean left = x < cornerCols;
        boolean right = x >= cols - cornerCols;
        boolean top = y < cornerRows;
        boolean bottom = y >= rows - cornerRows;
        if (top && left) {
            return 0;
        }
        if (top && right) {
            return 1;
        }
        if (bottom && left) {
            return 2;
        }
        return bottom && right ? 3 : -1;
    }

    private static int cols(String signature) {
        return Integer.parseInt(signature.substring(0, signature.indexOf('x')));
    }

    private static boolean[] decode(String signature) {
        int x = signature.indexOf('x');
        int colon = signature.indexOf(':');
        if (x <= 0 || colon <= x) {
            throw new IllegalArgumentException("not a slide signature: " + head(signature));
        }
        int cells;
        try {
            cells = Integer.parseInt(signature.substring(0, x)) * Integer.parseInt(signature.substring(x + 1, colon));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a slide signature: " + head(signature), e);
        }
        if (cells <= 0 || signature.length() != colon + 1 + (cells + 3) / 4) {
            throw new IllegalArgumentException("slide signature of the wrong length: " + head(signature));
        }
        var out = new boolean[cells];
        for (int i = 0; i < cells; i++) {
            int nibble = Character.digit(signature.charAt(colon + 1 + i / 4), 16);
            if (nibble < 0) {
                throw new IllegalArgumentException("slide signature with a non-hex digit: " + head(signature));
            }
            out[i] = (nibble >> (3 - i % 4) & 1) == 1;
        }
        return out;
    }

    private static String head(String s) {
        return s.length() > 12 ? s.substring(0, 12) + "…" : s;
    }
}
