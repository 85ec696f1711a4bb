package io.cuepoint.analyzer.track;

import java.util.Arrays;

/**
 * Minimum-cost assignment of rows to columns (the linear assignment problem), solved exactly by the
 * Hungarian method in its shortest-augmenting-path form (Jonker and Volgenant's formulation with row and
 * column potentials): rows are added one at a time, each by a Dijkstra-like search over reduced costs for
 * the cheapest way to make room for it. O(n² m) for n rows and m ≥ n columns.
 *
 * <p>Deterministic: ties go to the lowest column index found first.
 */
public final class LinearAssignment {

    private LinearAssignment() {
    }

    /**
     * Assigns each row of a rectangular matrix of finite costs to a distinct column so that the total cost
     * is least. When there are more rows than columns, the columns are all used and some rows stay
     * unassigned (the problem is solved on the transpose).
     *
     * @param cost {@code cost[row][column]}; all rows of one length
     * @return for every row its column, or -1 when it has none
     * @throws IllegalArgumentException on ragged rows or a non-finite cost
     */
    public static int[] solve(double[][] cost) {
        int rows = cost.length;
        if (rows == 0) {
            return new int[0];
        }
        int cols = cost[0].length;
        for (double[] row : cost) {
            if (row.length != cols) {
                throw new IllegalArgumentException("cost rows differ in length");
            }
            for (double c : row) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("cost is not finite: " + c);
                }
            }
        }
        if (cols == 0) {
            int[] none = new int[rows];
            Arrays.fill(none, -1);
            return none;
        }
        if (rows <= cols) {
            return solveWide(cost, rows, cols);
        }
        double[][] transposed = new double[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                transposed[c][r] = cost[r][c];
            }
        }
        int[] rowOfColumn = solveWide(transposed, cols, rows);
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        for (int c = 0; c < cols; c++) {
            result[rowOfColumn[c]] = c;
        }
        return result;
    }

    /** The total cost of an assignment as {@link #solve} returns it. */
    public static double total(double[][] cost, int[] assignment) {
        double sum = 0;
        for (int r = 0; r < assignment.length; r++) {
            if (assignment[r] >= 0) {
                sum += cost[r][assignment[r]];
            }
        }
        return sum;
    }

    /** rows ≤ cols. Index 0 of the column arrays is a virtual column that holds the row being added. */
    private static int[] solveWide(double[][] cost, int rows, int cols) {
        double[] rowPotential = new double[rows + 1];
        double[] colPotential = new double[cols + 1];
        int[] rowOfCol = new int[cols + 1]; // 1-based row matched to each column, 0 for free
        int[] previousCol = new int[cols + 1]; // the search tree: column reached from which column
        double[] slack = new double[cols + 1];
        boolean[] visited = new boolean[cols + 1];
        for (int row = 1; row <= rows; row++) {
            rowOfCol[0] = row;
            int col = 0;
            Arrays.fill(slack, Double.POSITIVE_INFINITY);
            Arrays.fill(visited, false);
            // Grow a tree of tight edges from the new row until it reaches a free column.
            do {
                visited[col] = true;
                int from = rowOfCol[col];
                double delta = Double.POSITIVE_INFINITY;
                int next = -1;
                for (int j = 1; j <= cols; j++) {
                    if (visited[j]) {
                        continue;
                    }
                    double reduced = cost[from - 1][j - 1] - rowPotential[from] - colPotential[j];
                    if (reduced < slack[j]) {
                        slack[j] = reduced;
                        previousCol[j] = col;
                    }
                    if (slack[j] < delta) {
                        delta = slack[j];
                        next = j;
                    }
                }
                // Shift the potentials so the cheapest edge out of the tree becomes tight.
                for (int j = 0; j <= cols; j++) {
                    if (visited[j]) {
                        rowPotential[rowOfCol[j]] += delta;
                        colPotential[j] -= delta;
                    } else {
                        slack[j] -= delta;
                    }
                }
                col = next;
            } while (rowOfCol[col] != 0);
            // Flip the matching along the path back to the virtual column.
            do {
                int back = previousCol[col];
                rowOfCol[col] = rowOfCol[back];
                col = back;
            } while (col != 0);
        }
        int[] colOfRow = new int[rows];
        for (int j = 1; j <= cols; j++) {
            if (rowOfCol[j] != 0) {
                colOfRow[rowOfCol[j] - 1] = j - 1;
            }
        }
        return colOfRow;
    }
}
