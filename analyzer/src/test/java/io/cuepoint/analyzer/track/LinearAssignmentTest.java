package io.cuepoint.analyzer.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LinearAssignmentTest {

    /** The least total cost over every way of assigning min(rows, cols) rows to distinct columns. */
    private static double bruteForce(double[][] cost) {
        int rows = cost.length;
        int cols = cost[0].length;
        return search(cost, 0, new boolean[cols], Math.min(rows, cols), 0);
    }

    private static double search(double[][] cost, int row, boolean[] used, int toAssign, int assigned) {
        int rows = cost.length;
        if (assigned == toAssign) {
            return 0;
        }
        if (rows - row < toAssign - assigned) {
            return Double.POSITIVE_INFINITY;
        }
        // Either this row takes a free column, or (when rows exceed columns) it stays unassigned.
        double best = search(cost, row + 1, used, toAssign, assigned);
        for (int c = 0; c < used.length; c++) {
            if (!used[c]) {
                used[c] = true;
                best = Math.min(best, cost[row][c] + search(cost, row + 1, used, toAssign, assigned + 1));
                used[c] = false;
            }
        }
        return best;
    }

    private static void assertValid(double[][] cost, int[] assignment) {
        int cols = cost[0].length;
        assertThat(assignment).hasSize(cost.length);
        long assigned = Arrays.stream(assignment).filter(c -> c >= 0).count();
        assertThat(assigned).isEqualTo(Math.min(cost.length, cols));
        assertThat(Arrays.stream(assignment).filter(c -> c >= 0).distinct().count()).isEqualTo(assigned);
        assertThat(Arrays.stream(assignment).boxed()).allSatisfy(c -> assertThat(c).isBetween(-1, cols - 1));
    }

    @Test
    void matchesBruteForceOnRandomMatricesOfEveryShapeUpToSix() {
        var random = new Random(5);
        int checked = 0;
        for (int rows = 1; rows <= 6; rows++) {
            for (int cols = 1; cols <= 6; cols++) {
                for (int trial = 0; trial < 40; trial++) {
                    double[][] cost = new double[rows][cols];
                    // Half the trials small integers (many ties), half reals; some gated-off pairs.
                    for (double[] row : cost) {
                        for (int c = 0; c < cols; c++) {
                            row[c] = trial % 2 == 0 ? random.nextInt(4) : random.nextDouble() * 10 - 3;
                            if (trial % 5 == 0 && random.nextInt(3) == 0) {
                                row[c] = Association.FORBIDDEN;
                            }
                        }
                    }
                    int[] assignment = LinearAssignment.solve(cost);
                    assertValid(cost, assignment);
                    assertThat(LinearAssignment.total(cost, assignment))
                            .as("%dx%d trial %d: %s", rows, cols, trial, Arrays.deepToString(cost))
                            .isCloseTo(bruteForce(cost), Offset.offset(1e-6));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(36 * 40);
    }

    @Test
    void aGreedyChoiceIsNotTaken() {
        // Greedy would give row 0 column 0 (cost 1) and leave row 1 with 100; optimal is 2 + 2.
        double[][] cost = {{1, 2}, {2, 100}};
        assertThat(LinearAssignment.solve(cost)).containsExactly(1, 0);
    }

    @Test
    void tallMatricesLeaveRowsUnassigned() {
        double[][] cost = {{5}, {1}, {3}};
        assertThat(LinearAssignment.solve(cost)).containsExactly(-1, 0, -1);
    }

    @Test
    void emptyShapesAndBadCosts() {
        assertThat(LinearAssignment.solve(new double[0][0])).isEmpty();
        assertThat(LinearAssignment.solve(new double[2][0])).containsExactly(-1, -1);
        assertThatThrownBy(() -> LinearAssignment.solve(new double[][]{{1, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearAssignment.solve(new double[][]{{1, 2}, {1}}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
