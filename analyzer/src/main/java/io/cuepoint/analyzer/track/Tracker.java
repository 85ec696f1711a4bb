package io.cuepoint.analyzer.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Gives detections stable track numbers from frame to frame, in the manner of SORT (Bewley et al., 2016):
 * every track predicts where its target is now with a constant-velocity Kalman filter
 * ({@link BoxKalmanFilter}), the frame's detections are matched to the predictions by an optimal
 * assignment over a cost of overlap and centre distance with gating ({@link Association}), matched
 * tracks are corrected, unmatched detections start new tracks.
 *
 * <p>Time-aware: updates carry media time, and prediction and its uncertainty follow the real interval,
 * so the same tracker works for samples 250 ms or 1 s apart, or unevenly spaced.
 *
 * <p>Life of a track: a new track is tentative; it is confirmed, and gets the next number, when it has
 * been detected in {@link TrackerConfig#minHits()} consecutive updates (a tentative track missing one
 * update is dropped, which keeps one-off false detections from ever being numbered). Tracks started in
 * the tracker's first {@code minHits} updates are confirmed at once, as in SORT: at the start there is no
 * history to wait for, and the first frame (a segment's lead-in) must carry numbers. A confirmed track
 * that goes unseen keeps predicting; a detection at most {@link TrackerConfig#maxAgeMs()} after its last
 * one can continue it, after that it ends. Ended tracks never come back.
 *
 * <p>Matching runs in two rounds: confirmed tracks first, then tentative tracks on what is left, so a
 * fresh tentative track never takes a detection from an established one.
 *
 * <p>Deterministic: the same updates give the same numbers. Not thread-safe; one tracker per segment and
 * kind of target.
 */
public final class Tracker {
    private final TrackerConfig config;
    private final Association association;
    private final List<Track> tracks = new ArrayList<>(); // in creation order
    private final List<int[]> history = new ArrayList<>();
    private long lastTimeMs;
    private int numbered;

    public Tracker(TrackerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.association = new Association(config);
    }

    /**
     * Feeds one frame's detections at media time timeMs (increasing). Returns, per detection in the same
     * order, its track number (1-based, in order of track creation, stable for the tracker's life), or 0
     * when the detection is not (yet) assigned to a confirmed track. Labels never mix: a detection only
     * joins a track of its own label.
     *
     * @throws IllegalArgumentException when {@code timeMs} is before the previous update's
     */
    public int[] update(long timeMs, List<Detection> detections) {
        Objects.requireNonNull(detections, "detections");
        if (!history.isEmpty() && timeMs < lastTimeMs) {
            throw new IllegalArgumentException("update at " + timeMs + " ms comes after one at " + lastTimeMs + " ms");
        }
        List<Detection> frame = List.copyOf(detections);
        int updateIndex = history.size();
        boolean starting = updateIndex < config.minHits();
        tracks.removeIf(t -> timeMs - t.lastSeenMs > config.maxAgeMs());
        for (Track t : tracks) {
            t.predictTo(timeMs);
        }

        Track[] owner = new Track[frame.size()];
        List<Track> confirmed = tracks.stream().filter(Track::confirmed).toList();
        assign(confirmed, frame, owner, timeMs, updateIndex);
        List<Track> tentative = tracks.stream().filter(t -> !t.confirmed()).toList();
        assign(tentative, frame, owner, timeMs, updateIndex);
        // A tentative track must be seen in every update until confirmed.
        tracks.removeIf(t -> !t.confirmed() && t.lastHitUpdate != updateIndex);

        int[] numbers = new int[frame.size()];
        history.add(numbers);
        for (int d = 0; d < frame.size(); d++) {
            if (owner[d] == null) {
                var born = new Track(frame.get(d), timeMs, updateIndex, config);
                tracks.add(born);
                owner[d] = born;
            }
            if (!owner[d].confirmed()) {
                owner[d].unnumbered.add(new int[]{updateIndex, d});
            }
        }
        // Numbered in creation order: older tracks first, then births in detection order.
        for (Track t : tracks) {
            if (!t.confirmed() && (t.hits >= config.minHits() || starting)) {
                t.number = ++numbered;
                for (int[] seen : t.unnumbered) {
                    history.get(seen[0])[seen[1]] = t.number;
                }
                t.unnumbered.clear();
            }
        }
        for (int d = 0; d < frame.size(); d++) {
            numbers[d] = owner[d].number;
        }
        lastTimeMs = timeMs;
        return numbers.clone();
    }

    /**
     * Every update's answer as it stands now: per update call, in call order, per detection, the number
     * of the track it belongs to. Unlike {@link #update}'s answer at the time, a detection that began a
     * track confirmed later carries that track's number here; 0 only for detections whose track was never
     * confirmed. For callers that emit a segment's events once it is complete.
     */
    public List<int[]> history() {
        return history.stream().map(int[]::clone).toList();
    }

    /** How many tracks have been confirmed (the highest number handed out). */
    public int confirmedTracks() {
        return numbered;
    }

    /** Matches {@code candidates} to detections not yet owned, and corrects the matched tracks. */
    private void assign(List<Track> candidates, List<Detection> frame, Track[] owner, long timeMs, int update) {
        int[] open = IntStream.range(0, frame.size()).filter(d -> owner[d] == null).toArray();
        int[] chosen = association.match(candidates, frame, open);
        for (int t = 0; t < chosen.length; t++) {
            if (chosen[t] >= 0) {
                Track track = candidates.get(t);
                owner[chosen[t]] = track;
                track.hit(frame.get(chosen[t]), timeMs, update);
            }
        }
    }
}
