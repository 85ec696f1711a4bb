package io.cuepoint.analyzer.vision;

import io.cuepoint.analyzer.wire.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Greedy non-maximum suppression: candidates in descending score order, each kept unless it overlaps a
 * kept one by more than the threshold (intersection over union). Ties keep the earlier candidate, so
 * the result is deterministic.
 */
public final class NonMaxSuppression {
    private NonMaxSuppression() {
    }

    /**
     * @param boxes     candidate boxes
     * @param scores    their scores, same order
     * @param maxIou    overlap above which the lower-scored box is dropped
     * @param maxKept   at most this many are kept
     * @return indices of the kept candidates, best first
     */
    public static List<Integer> select(List<Box> boxes, double[] scores, double maxIou, int maxKept) {
        var order = IntStream.range(0, boxes.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i)).toList();
        var kept = new ArrayList<Integer>();
        for (int candidate : order) {
            if (kept.size() >= maxKept) {
                break;
            }
            if (kept.stream().allMatch(k -> boxes.get(k).iou(boxes.get(candidate)) <= maxIou)) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
