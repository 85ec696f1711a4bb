package io.cuepoint.analyzer.audio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.analyzer.AnalyzerException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The segment's speech cues in 100 ms steps, as the api's engagement timeline reads them from the
 * {@code prosody} artifact:
 * {@code {"stepMs":100,"startMs":S,"speech":[0|1,...],"loudnessDb":[...],"pitchHz":[... 0 = unvoiced],
 * "nucleiMs":[...],"syllablesPerWord":1.5}}, the last being the divisor the analyzer's {@code wordsPerMinute} used,
 * so that words counted from the nuclei agree with it. A step is speech when most of its frames are; its loudness is the level of its mean
 * power (dBFS, one decimal); its pitch is the median of its voiced frames when at least three are voiced.
 */
public final class ProsodyTrack {
    public static final int STEP_MS = 100;
    private static final int FRAMES = STEP_MS / AudioFrames.HOP_MS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProsodyTrack() {
    }

    /** The JSON of one analysis, whose words per minute divide syllables by {@code syllablesPerWord}. */
    public static byte[] json(SpeechAnalysis analysis, double syllablesPerWord) {
        var frames = analysis.frames();
        int steps = (frames.count() + FRAMES - 1) / FRAMES;
        var speech = new ArrayList<Integer>(steps);
        var loudness = new ArrayList<Double>(steps);
        var pitch = new ArrayList<Double>(steps);
        for (int s = 0; s < steps; s++) {
            int from = s * FRAMES;
            int to = Math.min(frames.count(), from + FRAMES);
            int speaking = 0;
            double power = 0;
            var voiced = new double[to - from];
            int v = 0;
            for (int f = from; f < to; f++) {
                speaking += analysis.speech()[f] ? 1 : 0;
                power += Math.pow(10, frames.levelDb()[f] / 10);
                if (analysis.pitch()[f] > 0) {
                    voiced[v++] = analysis.pitch()[f];
                }
            }
            speech.add(2 * speaking > to - from ? 1 : 0);
            loudness.add(round(AudioFrames.db(power / (to - from))));
            if (v >= 3) {
                Arrays.sort(voiced, 0, v);
                pitch.add(round(voiced[v / 2]));
            } else {
                pitch.add(0.0);
            }
        }
        var nuclei = new ArrayList<Long>();
        for (int frame : analysis.nuclei()) {
            nuclei.add(frames.msAt(frame) + AudioFrames.HOP_MS / 2);
        }
        var root = new LinkedHashMap<String, Object>();
        root.put("stepMs", STEP_MS);
        root.put("startMs", frames.audio().startMs());
        root.put("speech", speech);
        root.put("loudnessDb", loudness);
        root.put("pitchHz", pitch);
        root.put("nucleiMs", List.copyOf(nuclei));
        root.put("syllablesPerWord", syllablesPerWord);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new AnalyzerException("could not write the prosody track", e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
