package io.cuepoint.api.eval;

import java.util.Locale;

/**
 * How much corpus to generate. {@link #SLICE} is small enough for a test run (6 clips, about 90 s of
 * video at 640x360, every scored phenomenon at least once); {@link #FULL} is the corpus of the accuracy
 * table (16 clips, about 19 minutes at 1280x720).
 *
 * @param width        frame width in pixels
 * @param height       frame height in pixels
 * @param lectureClips lecture clips (every second one with a presenter picture-in-picture)
 * @param lectureS     approximate length of one lecture clip, seconds
 * @param otherClips   clips in each of the other families (shots, camera, motion, technical)
 * @param otherS       approximate length of one of those clips, seconds
 */
public enum CorpusSize {
    SLICE(640, 360, 2, 16, 1, 11),
    FULL(1280, 720, 4, 80, 3, 60);

    private final int width;
    private final int height;
    private final int lectureClips;
    private final int lectureS;
    private final int otherClips;
    private final int otherS;

    CorpusSize(int width, int height, int lectureClips, int lectureS, int otherClips, int otherS) {
        this.width = width;
        this.height = height;
        this.lectureClips = lectureClips;
        this.lectureS = lectureS;
        this.otherClips = otherClips;
        this.otherS = otherS;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    int lectureClips() {
        return lectureClips;
    }

    int lectureSeconds() {
        return lectureS;
    }

    int otherClips() {
        return otherClips;
    }

    int otherSeconds() {
        return otherS;
    }

    /** Whether events come faster than in real footage, to fit every kind into a few seconds. */
    boolean brief() {
        return this == SLICE;
    }

    /** Pixels at this size for a length given at 1280x720, so that motion looks the same at every size. */
    double px(double at720) {
        return at720 * width / 1280.0;
    }

    /** Parses {@code slice} or {@code full} (any case). */
    public static CorpusSize parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corpus size must be slice or full, was '" + value + "'");
        }
    }
}
