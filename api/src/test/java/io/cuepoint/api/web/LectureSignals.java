package io.cuepoint.api.web;

import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.api.Records;
import io.cuepoint.ingest.wire.WireJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored output of the speech, slides and presenter detectors for a crafted lecture, in 30 s segments as
 * {@link Records} cuts them: a {@code prosody} artifact per segment (speech, syllable nuclei, pitch and loudness
 * in 100 ms steps), {@code slide.shown}, {@code presenter.visible/facing/gesturing}. Intervals that cross a
 * segment boundary are sent as fragments, as the analyzer sends them. Each setting changes one input only.
 *
 * @param durationMs         length, a multiple of 30 s
 * @param syllablesPerSecond syllable nuclei per second of speech, evenly spaced
 * @param pitchSpreadSt      standard deviation of the voiced pitch in semitones (a slow sine around 150 Hz)
 * @param silences           stretches without speech, each {start, end}
 * @param slideStartsMs      where slides start
 * @param visible            where the presenter is in view, each {start, end}
 * @param facing             where the presenter faces the camera, each {start, end}
 * @param gestureShare       share of every 10 s of the presenter in view spent gesturing (at its start)
 */
record LectureSignals(long durationMs, double syllablesPerSecond, double pitchSpreadSt, List<long[]> silences,
                      List<Long> slideStartsMs, List<long[]> visible, List<long[]> facing, double gestureShare) {
    static final long SEGMENT_MS = Records.SEGMENT_MS;
    static final int STEP_MS = 100;

    /** 90 s at 3 syllables per second (120 wpm), 3 st of pitch spread, a slide every 30 s, the presenter in view
     * and facing throughout, gesturing a fifth of the time. */
    static LectureSignals baseline() {
        return new LectureSignals(90_000, 3, 3, List.of(), List.of(0L, 30_000L, 60_000L),
                List.<long[]>of(new long[] {0, 90_000}), List.<long[]>of(new long[] {0, 90_000}), 0.2);
    }

    LectureSignals withSyllablesPerSecond(double rate) {
        return new LectureSignals(durationMs, rate, pitchSpreadSt, silences, slideStartsMs, visible, facing,
                gestureShare);
    }

    LectureSignals withPitchSpread(double st) {
        return new LectureSignals(durationMs, syllablesPerSecond, st, silences, slideStartsMs, visible, facing,
                gestureShare);
    }

    LectureSignals withSilences(List<long[]> gaps) {
        return new LectureSignals(durationMs, syllablesPerSecond, pitchSpreadSt, gaps, slideStartsMs, visible, facing,
                gestureShare);
    }

    LectureSignals withSlides(List<Long> starts) {
        return new LectureSignals(durationMs, syllablesPerSecond, pitchSpreadSt, silences, starts, visible, facing,
                gestureShare);
    }

    LectureSignals withPresenter(List<long[]> inView, List<long[]> towardCamera) {
        return new LectureSignals(durationMs, syllablesPerSecond, pitchSpreadSt, silences, slideStartsMs, inView,
                towardCamera, gestureShare);
    }

    LectureSignals withGestureShare(double share) {
        return new LectureSignals(durationMs, syllablesPerSecond, pitchSpreadSt, silences, slideStartsMs, visible,
                facing, share);
    }

    LectureSignals withDuration(long ms) {
        return new LectureSignals(ms, syllablesPerSecond, pitchSpreadSt, silences, slideStartsMs, visible, facing,
                gestureShare);
    }

    /** The segments the analyzer would have sent. */
    List<SegmentEvents> segments(String videoId) {
        var out = new ArrayList<SegmentEvents>();
        for (int s = 0; s * SEGMENT_MS < durationMs; s++) {
            long from = s * SEGMENT_MS;
            long to = Math.min(durationMs, from + SEGMENT_MS);
            var events = new ArrayList<Event>();
            var slides = new ArrayList<long[]>();
            for (int k = 0; k < slideStartsMs.size(); k++) {
                slides.add(new long[] {slideStartsMs.get(k),
                        k + 1 < slideStartsMs.size() ? slideStartsMs.get(k + 1) : durationMs});
            }
            intervals(videoId, "slide.shown", slides, s, from, to, events);
            intervals(videoId, "presenter.visible", visible, s, from, to, events);
            intervals(videoId, "presenter.facing", facing, s, from, to, events);
            intervals(videoId, "presenter.gesturing", gestures(), s, from, to, events);
            var prosody = new Artifact("prosody", "prosody-s" + s, "application/json", from / 40, from, to, Map.of(),
                    WireJson.write(prosody(from, to)));
            out.add(new SegmentEvents(SegmentEvents.SCHEMA, videoId, s, "1.0.0", (int) ((to - from) / 40), events,
                    List.of(prosody), null, Records.T0.plusSeconds(60 + s)));
        }
        return out;
    }

    private List<long[]> gestures() {
        var out = new ArrayList<long[]>();
        for (long[] v : visible) {
            for (long t = v[0]; t < v[1]; t += 10_000) {
                long end = Math.min(v[1], t + Math.round(10_000 * gestureShare));
                if (end > t) {
                    out.add(new long[] {t, end});
                }
            }
        }
        return out;
    }

    /** The parts of {@code spans} inside the segment, as fragments where they cross its edges. */
    private static void intervals(String videoId, String type, List<long[]> spans, int segment, long from, long to,
                                  List<Event> out) {
        for (long[] span : spans) {
            long s = Math.max(span[0], from);
            long e = Math.min(span[1], to);
            if (e <= s) {
                continue;
            }
            boolean openStart = span[0] < from;
            boolean openEnd = span[1] > to;
            Fragment fragment = openStart || openEnd ? new Fragment(segment, openStart, openEnd) : null;
            out.add(Records.event(videoId, type, null, s, e, 0.9, Map.of(), fragment));
        }
    }

    private boolean silent(long t) {
        return silences.stream().anyMatch(g -> t >= g[0] && t < g[1]);
    }

    private Map<String, Object> prosody(long from, long to) {
        int n = (int) ((to - from) / STEP_MS);
        var speech = new int[n];
        var loudness = new double[n];
        var pitch = new double[n];
        for (int i = 0; i < n; i++) {
            long t = from + (long) i * STEP_MS;
            long global = t / STEP_MS;
            boolean talking = !silent(t);
            speech[i] = talking ? 1 : 0;
            // Sines of incommensurate periods: the standard deviation of A sin is A / sqrt(2).
            loudness[i] = talking ? -20 + 5 * Math.sqrt(2) * Math.sin(2 * Math.PI * global / 23.0) : -70;
            pitch[i] = talking ? 150 * Math.pow(2, pitchSpreadSt * Math.sqrt(2)
                    * Math.sin(2 * Math.PI * global / 37.0) / 12) : 0;
        }
        var nuclei = new ArrayList<Long>();
        double spacing = 1000 / syllablesPerSecond;
        for (double t = spacing / 2; t < durationMs; t += spacing) {
            long at = Math.round(t);
            if (at >= from && at < to && !silent(at)) {
                nuclei.add(at);
            }
        }
        var json = new LinkedHashMap<String, Object>();
        json.put("stepMs", STEP_MS);
        json.put("startMs", from);
        json.put("speech", speech);
        json.put("loudnessDb", loudness);
        json.put("pitchHz", pitch);
        json.put("nucleiMs", nuclei);
        return json;
    }
}
