package io.cuepoint.api.skills;

/**
 * One hand's metrics over a whole video (or one segment). Distances in frame diagonals, speeds in diagonals per
 * second.
 *
 * @param pathLength    distance the hand travelled, summed over the segments
 * @param meanSpeed     path length per second of tracked time
 * @param peakSpeed     the highest (smoothed) speed seen
 * @param idleShare     share of the tracked time the hand rested, 0 to 1
 * @param movementCount separate movements: the hand.active intervals, those crossing segment boundaries merged
 * @param trackedMs     time the hand was seen (short dropouts bridged)
 */
public record HandSkills(double pathLength, double meanSpeed, double peakSpeed, double idleShare, int movementCount,
                         long trackedMs) {
}
