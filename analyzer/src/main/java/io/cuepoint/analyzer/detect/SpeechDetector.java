package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.audio.AudioSamples;
import io.cuepoint.analyzer.audio.ProsodyTrack;
import io.cuepoint.analyzer.audio.SpeechAnalysis;
import io.cuepoint.analyzer.audio.SpeechConfig;
import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Speech cues from the segment's 16 kHz waveform ({@link SpeechAnalysis}); frames are used only to stamp
 * events with the frames shown meanwhile.
 * <ul>
 *   <li>{@code speech.active}: someone speaks (pauses shorter than the minimum bridged); attributes
 *       {@code wordsPerMinute}, {@code syllableCount}, {@code loudnessDb}, {@code pitchMeanHz},
 *       {@code pitchVariationSt}, {@code energyVariationDb} ({@link io.cuepoint.analyzer.audio.SpeechMeasures});</li>
 *   <li>{@code speech.pause}: a gap between two speech intervals, up to the maximum pause; {@code durationMs};</li>
 *   <li>{@code audio.nonspeech}: at least the minimum of sound without speech; {@code kind} silence, noise or music;</li>
 *   <li>artifact {@code prosody} named {@code prosody-s<segment>}: the 100 ms track ({@link ProsodyTrack}).</li>
 * </ul>
 * Intervals that reach the segment's start or end while the video goes on are fragments.
 */
public final class SpeechDetector implements ArtifactDetector {
    public static final String NAME = "speech";
    public static final String ACTIVE = "speech.active";
    public static final String PAUSE = "speech.pause";
    public static final String NONSPEECH = "audio.nonspeech";
    public static final String PROSODY = "prosody";

    private final SpeechConfig config;

    public SpeechDetector(SpeechConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DetectorOutput analyze(Segment segment, DetectionContext ctx) {
        var audio = AudioSamples.of(segment.audio()).orElse(null);
        if (audio == null || audio.samples().length < audio.sampleRate() / 10) {
            return new DetectorOutput(List.of(), List.of());
        }
        var analysis = SpeechAnalysis.of(audio, config, segment.hasPrevious(), segment.hasNext());
        var events = segment.frames().isEmpty() ? List.<Event>of() : events(segment, ctx, analysis);
        var frames = segment.frames();
        long frame = frames.isEmpty() ? 0 : frames.get(0).frame();
        var artifact = new Artifact(PROSODY, "prosody-s" + segment.index(), "application/json", frame,
                audio.startMs(), audio.endMs(), Map.of("stepMs", ProsodyTrack.STEP_MS,
                "syllableCount", analysis.nuclei().size()), ProsodyTrack.json(analysis, config.syllablesPerWord()));
        return new DetectorOutput(events, List.of(artifact));
    }

    private List<Event> events(Segment segment, DetectionContext ctx, SpeechAnalysis analysis) {
        var events = new ArrayList<Event>();
        var runs = analysis.runs();
        int last = analysis.frames().count();
        for (int r = 0; r < runs.size(); r++) {
            var run = runs.get(r);
            boolean openStart = run.from() == 0 && segment.hasPrevious();
            boolean openEnd = run.to() == last && segment.hasNext();
            long startMs = openStart ? segment.end().startMs() : analysis.msAt(run.from());
            long endMs = openEnd ? segment.end().endMs() : Math.min(segment.end().endMs(), analysis.msAt(run.to()));
            if (endMs <= startMs) {
                continue;
            }
            var span = new Span(startMs, endMs, openStart || openEnd
                    ? new Fragment(segment.index(), openStart, openEnd) : null);
            if (run.speech()) {
                events.add(active(segment, ctx, analysis, run, span));
                continue;
            }
            boolean open = openStart || openEnd;
            boolean between = (r > 0 || openStart) && (r + 1 < runs.size() || openEnd);
            if (between && endMs - startMs <= config.maxPauseMs()
                    && (open || endMs - startMs >= config.minPauseMs())) {
                events.add(event(segment, ctx, PAUSE, span, 1, Map.of("durationMs", endMs - startMs)));
            }
            if (open || endMs - startMs >= config.minNonSpeechMs()) {
                events.add(event(segment, ctx, NONSPEECH, span, 1,
                        Map.of("kind", analysis.kind(run.from(), run.to()))));
            }
        }
        return events;
    }

    private Event active(Segment segment, DetectionContext ctx, SpeechAnalysis analysis, SpeechAnalysis.Run run,
                         Span span) {
        var m = analysis.measure(run.from(), run.to());
        var attributes = new LinkedHashMap<String, Object>();
        attributes.put("wordsPerMinute", round(m.wordsPerMinute()));
        attributes.put("syllableCount", m.syllableCount());
        attributes.put("loudnessDb", round(m.loudnessDb()));
        attributes.put("pitchMeanHz", round(m.pitchMeanHz()));
        attributes.put("pitchVariationSt", Math.round(m.pitchVariationSt() * 100) / 100.0);
        attributes.put("energyVariationDb", Math.round(m.energyVariationDb() * 100) / 100.0);
        int voiced = 0;
        for (int f = run.from(); f < run.to(); f++) {
            voiced += analysis.pitch()[f] > 0 ? 1 : 0;
        }
        // Speech is about half voiced; a stretch with fewer voiced frames is less certain.
        double confidence = Math.min(1, 2.0 * voiced / (run.to() - run.from()));
        return event(segment, ctx, ACTIVE, span, confidence, attributes);
    }

    private static Event event(Segment segment, DetectionContext ctx, String type, Span span, double confidence,
                               Map<String, Object> attributes) {
        var frames = segment.frames();
        FrameRecord first = frames.stream().filter(f -> f.ptsMs() >= span.startMs()).findFirst()
                .orElse(frames.get(frames.size() - 1));
        FrameRecord last = frames.stream().filter(f -> f.ptsMs() < span.endMs()).reduce((a, b) -> b).orElse(first);
        if (last.frame() < first.frame()) {
            last = first;
        }
        return ctx.event(segment, NAME, type, span.startMs(), span.endMs(), first.frame(), last.frame(),
                Math.round(confidence * 1000) / 1000.0, attributes, span.fragment());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Media-time span of an event and its fragment flags. */
    private record Span(long startMs, long endMs, Fragment fragment) {
    }
}
