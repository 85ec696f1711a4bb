package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.vision.EmotionTranslator;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code face.expression} intervals of one face track: stretches where its dominant expression stays the
 * same. Single-sample flickers are common in the emotion model's answers, so each sample's probabilities
 * are first averaged with its neighbours on the track (a centred window of {@value #WINDOW} samples);
 * the dominant expression of the average decides. A stretch is reported when it lasts at least the
 * configured minimum, or when it touches the segment's edge (then it is a fragment the api may merge
 * with the neighbouring segment's).
 */
final class ExpressionRuns {
    static final int WINDOW = 3;

    private ExpressionRuns() {
    }

    static List<Event> of(Segment segment, DetectionContext ctx, SegmentTracks.Track<FaceDetector.Seen> track,
                          List<FrameRecord> samples, long minMs, String modelId) {
        var own = track.own();
        int n = own.size();
        int labels = EmotionTranslator.LABELS.size();
        var dominant = new int[n];
        var score = new double[n];
        for (int i = 0; i < n; i++) {
            var mean = new double[labels];
            int from = Math.max(0, i - WINDOW / 2);
            int to = Math.min(n, i + WINDOW / 2 + 1);
            for (int j = from; j < to; j++) {
                float[] p = own.get(j).value().expression().probabilities();
                for (int k = 0; k < labels; k++) {
                    mean[k] += p[k] / (to - from);
                }
            }
            for (int k = 1; k < labels; k++) {
                if (mean[k] > mean[dominant[i]]) {
                    dominant[i] = k;
                }
            }
            score[i] = mean[dominant[i]];
        }
        var events = new ArrayList<Event>();
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i < n && dominant[i] == dominant[start]) {
                continue;
            }
            var first = own.get(start).frame();
            var last = own.get(i - 1).frame();
            // The first run continues the previous segment's when the face was on the lead-in (see
            // SegmentTracks.interval), even if this segment's first sample missed it.
            boolean openStart = segment.hasPrevious() && (first.frame() == samples.get(0).frame()
                    || start == 0 && track.sightings().get(0).leadIn());
            boolean openEnd = segment.hasNext() && last.frame() == samples.get(samples.size() - 1).frame();
            if (last.ptsMs() - first.ptsMs() >= minMs || openStart || openEnd) {
                double mean = 0;
                for (int j = start; j < i; j++) {
                    mean += score[j] / (i - start);
                }
                events.add(ctx.builder(segment, FaceDetector.NAME, FaceDetector.EXPRESSION).track(track.id())
                        .span(first, last).fragment(openStart, openEnd).model(modelId).confidence(mean)
                        .attribute("expression", EmotionTranslator.LABELS.get(dominant[start]))
                        .attribute("score", EventBuilder.round(mean)).build());
            }
            start = i;
        }
        return events;
    }
}
