package io.cuepoint.api.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A video's engagement timeline as the api serves it.
 *
 * @param videoId  the video
 * @param status   the video's status: a timeline of a video still being analysed covers what is analysed so far
 * @param windowMs the window length
 * @param weights  the weight of each component in the score
 * @param windows  consecutive windows from 0 to the video's end (the last one may be shorter)
 * @param flags    stretches a reviewer may want to act on, in time order
 */
@Schema(name = "Engagement")
public record Engagement(String videoId, String status, long windowMs, Map<String, Double> weights,
                         List<Window> windows, List<Flag> flags) {

    /** The mean score over the windows that have one, or null. */
    public @Nullable Double meanScore() {
        var scores = windows.stream().map(Window::score).filter(java.util.Objects::nonNull).toList();
        return scores.isEmpty() ? null : scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /**
     * One window.
     *
     * @param score      weighted mean of the components that are not null, 0 to 1; null when all are
     * @param components each 0 to 1, null where its input is missing
     * @param measures   the raw values behind the components, null where missing
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Window(long startMs, long endMs, @Nullable Double score, Components components,
                         Measures measures) {
    }

    /** The six components of a window, each 0 to 1 or null. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Components(@Nullable Double speakingRate, @Nullable Double vocalVariety,
                             @Nullable Double visualChange, @Nullable Double presenter, @Nullable Double gesture,
                             @Nullable Double staticStretch) {

        /** The components by name, in the order of {@link io.cuepoint.api.config.EngagementConfig#weights()}. */
        public Map<String, Double> byName() {
            var m = new java.util.LinkedHashMap<String, Double>();
            m.put("speakingRate", speakingRate);
            m.put("vocalVariety", vocalVariety);
            m.put("visualChange", visualChange);
            m.put("presenter", presenter);
            m.put("gesture", gesture);
            m.put("staticStretch", staticStretch);
            return m;
        }
    }

    /**
     * The measures of a window.
     *
     * @param wordsPerMinute        words spoken per minute of the window (pauses included, as Guo et al. measured)
     * @param speechShare           share of the window with speech
     * @param pitchVariationSt      standard deviation of voiced pitch in semitones
     * @param energyVariationDb     standard deviation of loudness over speech in dB
     * @param visualChanges         new slides, cuts and transitions starting in the window
     * @param recentVisualChanges   the decayed count of changes up to the window, averaged over it
     * @param sinceVisualChangeMs   time since the last visual change at the window's end
     * @param presenterVisibleShare share of the window with the presenter in view
     * @param presenterFacingShare  share of the window with the presenter facing the camera
     * @param gestureShare          share of the presenter's time in view spent gesturing
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Measures(@Nullable Double wordsPerMinute, @Nullable Double speechShare,
                           @Nullable Double pitchVariationSt, @Nullable Double energyVariationDb,
                           @Nullable Integer visualChanges, @Nullable Double recentVisualChanges,
                           @Nullable Long sinceVisualChangeMs, @Nullable Double presenterVisibleShare,
                           @Nullable Double presenterFacingShare, @Nullable Double gestureShare) {
    }

    /**
     * A stretch a reviewer may want to act on.
     *
     * @param code    {@code no-visual-change}, {@code fast-speech}, {@code no-speech}, {@code presenter-absent},
     *                {@code presenter-not-facing} or {@code monotone}
     * @param message what was found, in words
     */
    public record Flag(String code, String message, long startMs, long endMs) {
    }
}
