package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Technical cues: {@code tech.black} (nearly black frames), {@code tech.frozen} (the picture does not
 * change at all) and {@code audio.silence} intervals. Plain Java over the thumbnails of every frame and the
 * audio loudness windows; no decoding, no native calls.
 *
 * <p>Frozen means identical up to compression noise: every frame of the stretch is compared with its
 * first frame (not with its predecessor, so a slow change such as a fade cannot creep through in steps
 * too small to see). A presenter moving in front of a still slide, a mouse moving on a screen, or sensor
 * noise of a live camera that the encoder kept all break it; a still slide recorded from a screen, or a
 * camera feed that stalled, do not. Black frames are reported as black only, never as frozen too.
 * See {@link TechnicalConfig} for the thresholds and {@link SilenceRuns} for the audio.
 */
public final class TechnicalDetector implements SegmentDetector {
    public static final String NAME = "technical";
    public static final String BLACK = "tech.black";
    public static final String FROZEN = "tech.frozen";
    public static final String SILENCE = "audio.silence";

    private final TechnicalConfig config;

    public TechnicalDetector(TechnicalConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Event> detect(Segment segment, DetectionContext ctx) {
        var events = new ArrayList<Event>();
        var frames = segment.frames();
        if (!frames.isEmpty()) {
            pictureEvents(segment, ctx, events);
        }
        events.addAll(SilenceRuns.of(segment, ctx, config));
        return events;
    }

    private void pictureEvents(Segment segment, DetectionContext ctx, List<Event> events) {
        var all = segment.framesWithLeadIn();
        int offset = all.size() - segment.frames().size();
        int n = all.size();
        var grey = new byte[n][];
        var luma = new double[n];
        var black = new boolean[n];
        for (int i = 0; i < n; i++) {
            grey[i] = ThumbnailLuma.grey(all.get(i).thumbnail());
            luma[i] = ThumbnailLuma.mean(grey[i]);
            black[i] = luma[i] <= config.blackMaxLuma()
                    && ThumbnailLuma.spread(grey[i], luma[i]) <= config.blackMaxSpread();
        }
        int own = segment.frames().size();
        var blackLabels = new int[own];
        for (int i = 0; i < own; i++) {
            blackLabels[i] = black[i + offset] ? 1 : 0;
        }
        for (var run : FrameRuns.of(segment, blackLabels, config.blackMinMs(),
                offset == 0 || black[0])) {
            double mean = mean(luma, run.from() + offset, run.to() + offset);
            events.add(event(segment, ctx, BLACK, run, Math.min(1, 1 - mean / (2 * Math.max(1, config.blackMaxLuma()))),
                    Map.of("meanLuma", round(mean, 10))));
        }
        var frozen = frozenLabels(grey, black);
        var frozenOwn = new int[own];
        System.arraycopy(frozen, offset, frozenOwn, 0, own);
        for (var run : FrameRuns.of(segment, frozenOwn, config.frozenMinMs(),
                offset == 0 || frozen[0] != 0)) {
            var diff = meanDiff(grey, frozen, run.from() + offset, run.to() + offset);
            events.add(event(segment, ctx, FROZEN, run, 1 - diff / (2 * Math.max(0.01, config.frozenMaxDiff())),
                    Map.of("meanDiff", round(diff, 1000), "meanLuma", round(mean(luma, run.from() + offset,
                            run.to() + offset), 10))));
        }
    }

    /**
     * Per frame, the index + 1 of the frame that began its still stretch, or 0 outside one. A stretch is at
     * least two frames: the frame that is then held, and one that repeats it. Adjacent stretches get
     * different labels because their first frames differ.
     */
    private int[] frozenLabels(byte[][] grey, boolean[] black) {
        int n = grey.length;
        var labels = new int[n];
        int anchor = -1;
        for (int i = 0; i < n; i++) {
            if (black[i]) {
                anchor = -1;
                continue;
            }
            if (anchor >= 0 && same(grey[anchor], grey[i])) {
                labels[i] = anchor + 1;
                labels[anchor] = anchor + 1;
            } else {
                anchor = i;
            }
        }
        return labels;
    }

    private boolean same(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        long sum = 0;
        int changed = 0;
        for (int p = 0; p < a.length; p++) {
            int d = Math.abs((a[p] & 0xff) - (b[p] & 0xff));
            sum += d;
            changed += d > TechnicalConfig.CHANGED_LEVELS ? 1 : 0;
        }
        return sum <= config.frozenMaxDiff() * a.length && changed <= config.frozenMaxChanged() * a.length;
    }

    /** Mean absolute luma difference of the stretch's frames from the frame it holds. */
    private static double meanDiff(byte[][] grey, int[] labels, int from, int to) {
        byte[] anchor = grey[labels[from] - 1];
        double sum = 0;
        for (int i = from; i < to; i++) {
            long d = 0;
            for (int p = 0; p < anchor.length; p++) {
                d += Math.abs((anchor[p] & 0xff) - (grey[i][p] & 0xff));
            }
            sum += (double) d / anchor.length;
        }
        return sum / (to - from);
    }

    private static Event event(Segment segment, DetectionContext ctx, String type, FrameRuns.Run run,
                               double confidence, Map<String, Object> attributes) {
        return ctx.event(segment, NAME, type, run.startMs(), run.endMs(), run.first().frame(), run.last().frame(),
                round(confidence, 10_000), attributes, run.fragment());
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}
