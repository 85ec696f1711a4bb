package io.cuepoint.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engagement timeline: the weight of each component in a window's score and the thresholds of the flags.
 * Keys under {@code cuepoint.engagement.*} (environment {@code CUEPOINT_ENGAGEMENT_*}). Weights are relative: the
 * score is the weighted mean of the components a window has, so they need not sum to 1.
 *
 * @param speakingRateWeight    {@code speaking-rate-weight}: default 0.25
 * @param vocalVarietyWeight    {@code vocal-variety-weight}: default 0.15
 * @param visualChangeWeight    {@code visual-change-weight}: default 0.20
 * @param presenterWeight       {@code presenter-weight}: default 0.15
 * @param gestureWeight         {@code gesture-weight}: default 0.10
 * @param staticStretchWeight   {@code static-stretch-weight}: default 0.15
 * @param visualDecayMs         {@code visual-decay-ms}: time constant in ms over which a slide change or shot
 *                              boundary stops counting as recent (exponential decay); default 30000
 * @param staticOnsetMs         {@code static-onset-ms}: time without visual change in ms before the static-stretch
 *                              component starts to fall; default 120000
 * @param staticFullMs          {@code static-full-ms}: time without visual change in ms at which it reaches 0;
 *                              default 360000, more than the onset
 * @param staticFlagMs          {@code static-flag-ms}: flag {@code no-visual-change} for longer stretches; default
 *                              360000 (6 minutes)
 * @param fastWordsPerMinute    {@code fast-words-per-minute}: flag {@code fast-speech} above this rate; default 200
 * @param fastFlagMs            {@code fast-flag-ms}: ... when sustained at least this long in ms; default 30000
 * @param silenceFlagMs         {@code silence-flag-ms}: flag {@code no-speech} for audio without speech at least
 *                              this long in ms; default 30000
 * @param presenterAbsentFlagMs {@code presenter-absent-flag-ms}: flag {@code presenter-absent} for stretches at
 *                              least this long in ms without the presenter in view; default 60000
 * @param notFacingFlagMs       {@code not-facing-flag-ms}: flag {@code presenter-not-facing} for stretches at least
 *                              this long in ms where the presenter is in view but turned away; default 120000
 * @param monotoneSemitones     {@code monotone-semitones}: flag {@code monotone} where the pitch varies less than
 *                              this (standard deviation in semitones); default 1.0
 * @param monotoneFlagMs        {@code monotone-flag-ms}: ... for at least this long in ms; default 60000
 */
@ConfigurationProperties("cuepoint.engagement")
public record EngagementConfig(
        @Bindable(defaultValue = "0.25") double speakingRateWeight,
        @Bindable(defaultValue = "0.15") double vocalVarietyWeight,
        @Bindable(defaultValue = "0.20") double visualChangeWeight,
        @Bindable(defaultValue = "0.15") double presenterWeight,
        @Bindable(defaultValue = "0.10") double gestureWeight,
        @Bindable(defaultValue = "0.15") double staticStretchWeight,
        @Bindable(defaultValue = "30000") long visualDecayMs,
        @Bindable(defaultValue = "120000") long staticOnsetMs,
        @Bindable(defaultValue = "360000") long staticFullMs,
        @Bindable(defaultValue = "360000") long staticFlagMs,
        @Bindable(defaultValue = "200") double fastWordsPerMinute,
        @Bindable(defaultValue = "30000") long fastFlagMs,
        @Bindable(defaultValue = "30000") long silenceFlagMs,
        @Bindable(defaultValue = "60000") long presenterAbsentFlagMs,
        @Bindable(defaultValue = "120000") long notFacingFlagMs,
        @Bindable(defaultValue = "1.0") double monotoneSemitones,
        @Bindable(defaultValue = "60000") long monotoneFlagMs) {

    public EngagementConfig {
        double sum = 0;
        for (var w : Map.of("speaking-rate-weight", speakingRateWeight, "vocal-variety-weight", vocalVarietyWeight,
                "visual-change-weight", visualChangeWeight, "presenter-weight", presenterWeight,
                "gesture-weight", gestureWeight, "static-stretch-weight", staticStretchWeight).entrySet()) {
            if (!(w.getValue() >= 0 && w.getValue() <= 100)) {
                throw new ConfigurationException("cuepoint.engagement." + w.getKey() + " must be 0 to 100, got "
                        + w.getValue());
            }
            sum += w.getValue();
        }
        if (sum <= 0) {
            throw new ConfigurationException("cuepoint.engagement.*-weight: at least one weight must be above 0");
        }
        positive("visual-decay-ms", visualDecayMs);
        positive("static-onset-ms", staticOnsetMs);
        positive("static-flag-ms", staticFlagMs);
        positive("fast-flag-ms", fastFlagMs);
        positive("silence-flag-ms", silenceFlagMs);
        positive("presenter-absent-flag-ms", presenterAbsentFlagMs);
        positive("not-facing-flag-ms", notFacingFlagMs);
        positive("monotone-flag-ms", monotoneFlagMs);
        if (staticFullMs <= staticOnsetMs) {
            throw new ConfigurationException("cuepoint.engagement.static-full-ms (" + staticFullMs
                    + ") must be more than static-onset-ms (" + staticOnsetMs + ")");
        }
        if (!(fastWordsPerMinute > 0)) {
            throw new ConfigurationException("cuepoint.engagement.fast-words-per-minute must be above 0, got "
                    + fastWordsPerMinute);
        }
        if (!(monotoneSemitones > 0)) {
            throw new ConfigurationException("cuepoint.engagement.monotone-semitones must be above 0, got "
                    + monotoneSemitones);
        }
    }

    /** The documented defaults. */
    public static EngagementConfig defaults() {
        return new EngagementConfig(0.25, 0.15, 0.20, 0.15, 0.10, 0.15, 30_000, 120_000, 360_000, 360_000, 200,
                30_000, 30_000, 60_000, 120_000, 1.0, 60_000);
    }

    /** The weights by component name, in the order the api lists components. */
    public Map<String, Double> weights() {
        var w = new LinkedHashMap<String, Double>();
        w.put("speakingRate", speakingRateWeight);
        w.put("vocalVariety", vocalVarietyWeight);
        w.put("visualChange", visualChangeWeight);
        w.put("presenter", presenterWeight);
        w.put("gesture", gestureWeight);
        w.put("staticStretch", staticStretchWeight);
        return w;
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new ConfigurationException("cuepoint.engagement." + key + " must be above 0 ms, got " + value);
        }
    }
}
