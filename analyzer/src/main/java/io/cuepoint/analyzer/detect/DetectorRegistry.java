package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.AnalyzerException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps detector names to factories. Adding a detector is one class plus one line in {@link #standard()}.
 */
public final class DetectorRegistry {
    private final Map<String, Function<AnalyzerConfig, SegmentDetector>> factories = new LinkedHashMap<>();

    /** Every detector that ships with the analyzer. */
    public static DetectorRegistry standard() {
        return new DetectorRegistry()
                .register(ShotCutDetector.NAME, config -> new ShotCutDetector(config.shots()))
                .register(MotionDetector.NAME, config -> new MotionDetector(config.motion()));
    }

    public DetectorRegistry register(String name, Function<AnalyzerConfig, SegmentDetector> factory) {
        if (factories.putIfAbsent(name, factory) != null) {
            throw new IllegalArgumentException("detector " + name + " registered twice");
        }
        return this;
    }

    public Set<String> names() {
        return factories.keySet();
    }

    /**
     * Creates the detectors the configuration names, in its order.
     *
     * @throws AnalyzerException for a name nobody registered
     */
    public List<SegmentDetector> create(AnalyzerConfig config) {
        return config.detectors().stream().map(name -> {
            var factory = factories.get(name);
            if (factory == null) {
                throw new AnalyzerException(AnalyzerConfig.DETECTORS + " names unknown detector '" + name
                        + "'; known: " + String.join(",", names()));
            }
            return factory.apply(config);
        }).toList();
    }
}
