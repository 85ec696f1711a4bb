package io.cuepoint.api.motion;

import io.cuepoint.analyzer.wire.Box;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * Where in the picture one shot moved: the mean foreground share of every grid cell over the shot's samples.
 *
 * @param shot    shot number, from 0 in time order
 * @param startMs where the shot starts
 * @param endMs   where it ends (exclusive)
 * @param samples grid samples that went into it (0: no grid covers the shot yet)
 * @param cols    grid columns (0 without samples)
 * @param rows    grid rows
 * @param cells   {@code cols × rows} mean foreground shares, 0 to 1, row-major from the top left
 * @param peak    the busiest cell (the first one on a tie); absent without samples
 */
@Schema(name = "Heatmap")
public record Heatmap(int shot, long startMs, long endMs, int samples, int cols, int rows, List<Double> cells,
                      @Nullable Peak peak) {

    /**
     * The busiest cell.
     *
     * @param col   column from the left, from 0
     * @param row   row from the top, from 0
     * @param share its mean foreground share
     * @param box   the cell, normalized to the picture
     */
    public record Peak(int col, int row, double share, Box box) {
    }

    /**
     * The heatmap of one shot. Samples whose grid has another shape than the shot's first (a video analysed
     * with another grid setting) are left out.
     */
    public static Heatmap of(ShotSpans.Shot shot, List<MotionGrids.Sample> samples) {
        var inShot = samples.stream().filter(s -> shot.contains(s.ptsMs())).toList();
        if (inShot.isEmpty()) {
            return new Heatmap(shot.index(), shot.startMs(), shot.endMs(), 0, 0, 0, List.of(), null);
        }
        int cols = inShot.get(0).cols();
        int rows = inShot.get(0).rows();
        var sums = new double[cols * rows];
        int count = 0;
        for (var s : inShot) {
            if (s.cols() != cols || s.rows() != rows) {
                continue;
            }
            for (int c = 0; c < sums.length; c++) {
                sums[c] += s.share(c);
            }
            count++;
        }
        int peak = 0;
        var cells = new Double[sums.length];
        for (int c = 0; c < sums.length; c++) {
            cells[c] = round(sums[c] / count);
            peak = cells[c] > cells[peak] ? c : peak;
        }
        int col = peak % cols;
        int row = peak / cols;
        var box = new Box(round((double) col / cols), round((double) row / rows), round((double) (col + 1) / cols),
                round((double) (row + 1) / rows));
        return new Heatmap(shot.index(), shot.startMs(), shot.endMs(), count, cols, rows, List.of(cells),
                new Peak(col, row, cells[peak], box));
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
