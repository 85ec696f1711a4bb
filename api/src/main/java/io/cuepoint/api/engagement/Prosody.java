package io.cuepoint.api.engagement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.ingest.wire.WireJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The speech detector's per-segment {@code prosody} artifacts joined into one grid of 100 ms steps over the
 * video: {@code {"stepMs":100,"startMs":S,"speech":[0|1,...],"loudnessDb":[...],"pitchHz":[... 0 = unvoiced],
 * "nucleiMs":[...],"syllablesPerWord":1.5}} (the divisor is absent from older artifacts: then
 * {@link SpeechTrack#SYLLABLES_PER_WORD}). Where segments overlap, the later segment's values win.
 */
final class Prosody implements SpeechTrack {
    /** The artifact kind the speech detector stores. */
    static final String KIND = "prosody";
    private static final int MIN_FRAMES = 10;

    private final long stepMs;
    private final TreeMap<Long, float[]> steps; // step index -> {speech, loudnessDb, pitchHz}
    private final long[] nuclei;
    private final double syllablesPerWord;
    private final Intervals analysed;
    private final Intervals speech;

    private Prosody(long stepMs, TreeMap<Long, float[]> steps, long[] nuclei, double syllablesPerWord) {
        this.stepMs = stepMs;
        this.syllablesPerWord = syllablesPerWord;
        this.steps = steps;
        this.nuclei = nuclei;
        var covered = new ArrayList<long[]>();
        var spoken = new ArrayList<long[]>();
        steps.forEach((i, v) -> {
            covered.add(new long[] {i * stepMs, (i + 1) * stepMs});
            if (v[0] > 0) {
                spoken.add(new long[] {i * stepMs, (i + 1) * stepMs});
            }
        });
        analysed = Intervals.of(covered);
        speech = Intervals.of(spoken);
    }

    /**
     * Reads the artifacts.
     *
     * @throws IllegalStateException when one is not the documented JSON
     */
    static Prosody of(List<Artifact> artifacts) {
        long stepMs = 100;
        double syllablesPerWord = SYLLABLES_PER_WORD;
        var steps = new TreeMap<Long, float[]>();
        var nuclei = new ArrayList<Long>();
        for (Artifact a : artifacts) {
            JsonNode json;
            try {
                json = WireJson.mapper().readTree(a.data());
            } catch (IOException e) {
                throw new IllegalStateException("prosody artifact " + a.name() + " is not JSON", e);
            }
            if (json == null || !json.path("speech").isArray() || !json.path("stepMs").canConvertToLong()) {
                throw new IllegalStateException("prosody artifact " + a.name() + " lacks stepMs or speech");
            }
            stepMs = Math.max(1, json.get("stepMs").asLong());
            long first = Math.floorDiv(json.path("startMs").asLong(), stepMs);
            JsonNode speech = json.get("speech");
            JsonNode loudness = json.path("loudnessDb");
            JsonNode pitch = json.path("pitchHz");
            for (int i = 0; i < speech.size(); i++) {
                steps.put(first + i, new float[] {(float) speech.get(i).asDouble(),
                        (float) loudness.path(i).asDouble(Double.NaN), (float) pitch.path(i).asDouble(0)});
            }
            json.path("nucleiMs").forEach(n -> nuclei.add(n.asLong()));
            if (json.path("syllablesPerWord").isNumber() && json.get("syllablesPerWord").asDouble() > 0) {
                syllablesPerWord = json.get("syllablesPerWord").asDouble();
            }
        }
        return new Prosody(stepMs, steps, dedupe(nuclei), syllablesPerWord);
    }

    /** Nuclei in time order; overlapping segments may report the same nucleus twice, a few ms apart. */
    private static long[] dedupe(List<Long> nuclei) {
        long[] sorted = nuclei.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] out = new long[sorted.length];
        int n = 0;
        for (long t : sorted) {
            if (n == 0 || t - out[n - 1] >= 50) {
                out[n++] = t;
            }
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public Intervals analysed() {
        return analysed;
    }

    @Override
    public Intervals speech() {
        return speech;
    }

    @Override
    public double words(long from, long to) {
        int a = lowerBound(from);
        int b = lowerBound(to);
        return (b - a) / syllablesPerWord;
    }

    private int lowerBound(long t) {
        int i = Arrays.binarySearch(nuclei, t);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && nuclei[i - 1] == t) {
            i--;
        }
        return i;
    }

    @Override
    public OptionalDouble pitchVariationSt(long from, long to) {
        var values = new ArrayList<Double>();
        for (float[] v : steps.subMap(Math.floorDiv(from, stepMs), Math.floorDiv(to - 1, stepMs) + 1).values()) {
            if (v[0] > 0 && v[2] > 0) {
                values.add(12 * Math.log(v[2]) / Math.log(2));
            }
        }
        return std(values);
    }

    @Override
    public OptionalDouble energyVariationDb(long from, long to) {
        var values = new ArrayList<Double>();
        for (float[] v : steps.subMap(Math.floorDiv(from, stepMs), Math.floorDiv(to - 1, stepMs) + 1).values()) {
            if (v[0] > 0 && Float.isFinite(v[1])) {
                values.add((double) v[1]);
            }
        }
        return std(values);
    }

    private static OptionalDouble std(List<Double> values) {
        if (values.size() < MIN_FRAMES) {
            return OptionalDouble.empty();
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = values.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / values.size();
        return OptionalDouble.of(Math.sqrt(var));
    }
}
