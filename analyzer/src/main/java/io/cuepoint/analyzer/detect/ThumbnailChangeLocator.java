package io.cuepoint.analyzer.detect;

import io.cuepoint.ingest.wire.FrameRecord;
import java.util.List;

/**
 * Finds the exact frame of a slide change between two sampled analysis images, on the thumbnails every
 * frame carries: the frame whose thumbnail differs most from the one before it. The corner block where
 * that difference is largest is left out of each frame's measure, so a cut in a picture-in-picture corner
 * between the two samples does not draw the change onto itself; a slide change spreads over the whole
 * picture and survives the loss of one corner.
 */
final class ThumbnailChangeLocator {
    private ThumbnailChangeLocator() {
    }

    /**
     * The first frame of the new picture.
     *
     * @param frames consecutive frames (a segment with its lead-in)
     * @param from   index in {@code frames} of the earlier sample
     * @param to     index of the later sample; the answer lies in {@code (from, to]}
     */
    static int locate(List<FrameRecord> frames, int from, int to) {
        int best = to;
        long bestScore = -1;
        for (int i = from + 1; i <= to; i++) {
            long score = change(frames.get(i - 1), frames.get(i));
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    /** Sum of absolute differences of the thumbnails' bytes, less the corner block where it is largest. */
    static long change(FrameRecord a, FrameRecord b) {
        byte[] pa = a.thumbnail();
        byte[] pb = b.thumbnail();
        int w = a.thumbWidth();
        int h = a.thumbHeight();
        if (pa == null || pb == null || pa.length != pb.length || w != b.thumbWidth() || pa.length != w * h * 3) {
            return Long.MAX_VALUE / 2;
        }
        int cornerW = (int) Math.ceil(SlideSignature.CORNER_WIDTH * w);
        int cornerH = (int) Math.ceil(SlideSignature.CORNER_HEIGHT * h);
        long total = 0;
        var corners = new long[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = (y * w + x) * 3;
                int d = Math.abs((pa[p] & 0xff) - (pb[p] & 0xff)) + Math.abs((pa[p + 1] & 0xff) - (pb[p + 1] & 0xff))
                        + Math.abs((pa[p + 2] & 0xff) - (pb[p + 2] & 0xff));
                total += d;
                int corner = SlideSignature.corner(x, y, w, h, cornerW, cornerH);
                if (corner >= 0) {
                    corners[corner] += d;
                }
            }
        }
        long worst = Math.max(Math.max(corners[0], corners[1]), Math.max(corners[2], corners[3]));
        return total - worst;
    }
}
