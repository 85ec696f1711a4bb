package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.AnalyzerException;
import io.cuepoint.analyzer.model.LoadedModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps detector names to factories and to the models they need. Adding a detector is one class plus one
 * line in {@link #standard()}. Models are loaded once per process ({@link SharedModels}) and handed to the
 * factories; each detector opens its own sessions on them, one detector instance per worker thread.
 */
public final class DetectorRegistry {
    public static final String BLAZEFACE = "blazeface";
    public static final String EMOTION = "emotion";
    public static final String CENTERNET = "centernet";
    public static final String HANDTRACK = "handtrack";

    /** Creates a detector from the configuration and the loaded models it declared, by model name. */
    @FunctionalInterface
    public interface Factory {
        SegmentDetector create(AnalyzerConfig config, Map<String, LoadedModel> models);
    }

    private record Entry(Function<AnalyzerConfig, List<String>> models, Factory factory) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** Every detector that ships with the analyzer. */
    public static DetectorRegistry standard() {
        return new DetectorRegistry()
                .register(ShotCutDetector.NAME, config -> new ShotCutDetector(config.shots()))
                .register(SlideDetector.NAME, config -> new SlideDetector(config.slides()))
                .register(TechnicalDetector.NAME, config -> new TechnicalDetector(config.technical()))
                .register(CameraDetector.NAME, config -> new CameraDetector(config.camera()))
                .register(MotionDetector.NAME, config -> new MotionDetector(config.motion()))
                .register(PoseDetector.NAME, config -> List.of(config.pose().model().modelName()),
                        (config, models) -> new PoseDetector(config.pose(),
                                models.get(config.pose().model().modelName())))
                .register(FaceDetector.NAME,
                        config -> config.faces().expressions() ? List.of(BLAZEFACE, EMOTION) : List.of(BLAZEFACE),
                        (config, models) -> new FaceDetector(config.faces(), models.get(BLAZEFACE),
                                config.faces().expressions() ? models.get(EMOTION) : null))
                .register(ObjectDetector.NAME, config -> List.of(CENTERNET),
                        (config, models) -> new ObjectDetector(config.objects(), models.get(CENTERNET)))
                .register(HandDetector.NAME, config -> List.of(HANDTRACK),
                        (config, models) -> new HandDetector(config.hands(), models.get(HANDTRACK)))
                .register(SpeechDetector.NAME, config -> new SpeechDetector(config.speech()))
                .register(PresenterDetector.NAME, config -> new PresenterDetector(config.presenter()))
                .register(SkillsDetector.NAME, config -> new SkillsDetector(config.skills()));
    }

    /** A detector without models. */
    public DetectorRegistry register(String name, Function<AnalyzerConfig, SegmentDetector> factory) {
        return register(name, config -> List.of(), (config, models) -> factory.apply(config));
    }

    /**
     * A detector that runs models.
     *
     * @param models the names of the models it needs under this configuration
     */
    public DetectorRegistry register(String name, Function<AnalyzerConfig, List<String>> models, Factory factory) {
        if (entries.putIfAbsent(name, new Entry(models, factory)) != null) {
            throw new IllegalArgumentException("detector " + name + " registered twice");
        }
        return this;
    }

    public Set<String> names() {
        return entries.keySet();
    }

    /**
     * The models the configured detectors need, each once.
     *
     * @throws AnalyzerException for a detector name nobody registered
     */
    public List<String> models(AnalyzerConfig config) {
        var names = new LinkedHashSet<String>();
        config.detectors().forEach(name -> names.addAll(entry(name).models().apply(config)));
        return List.copyOf(names);
    }

    /** Creates the configured detectors when none of them needs a model. */
    public List<SegmentDetector> create(AnalyzerConfig config) {
        return create(config, Map.of());
    }

    /**
     * Creates the detectors the configuration names, in its order. If one cannot be created, those
     * created before it are closed.
     *
     * @param models loaded models by name, at least those {@link #models} lists
     * @throws AnalyzerException for a name nobody registered, or a needed model that is not in {@code models}
     */
    public List<SegmentDetector> create(AnalyzerConfig config, Map<String, LoadedModel> models) {
        var created = new ArrayList<SegmentDetector>();
        try {
            for (var name : config.detectors()) {
                var entry = entry(name);
                for (var model : entry.models().apply(config)) {
                    if (!models.containsKey(model)) {
                        throw new AnalyzerException("detector " + name + " needs model " + model
                                + ", which was not loaded");
                    }
                }
                var detector = entry.factory().create(config, models);
                created.add(detector);
                if (detector instanceof DerivedDetector derived) {
                    requireInputsBefore(config, name, derived.inputs());
                }
            }
            return List.copyOf(created);
        } catch (RuntimeException e) {
            created.forEach(DetectorRegistry::closeQuietly);
            throw e;
        }
    }

    private static void requireInputsBefore(AnalyzerConfig config, String name, List<String> inputs) {
        int position = config.detectors().indexOf(name);
        // Every misplaced input at once, so that one correction of the setting is enough.
        var missing = inputs.stream().filter(input -> {
            int at = config.detectors().indexOf(input);
            return at < 0 || at > position;
        }).toList();
        if (!missing.isEmpty()) {
            var listed = String.join(" and ", missing);
            throw new AnalyzerException("detector " + name + " reads the events of " + listed + ", so "
                    + AnalyzerConfig.DETECTORS + " must list " + listed + " before " + name + " (it lists "
                    + String.join(",", config.detectors()) + ")");
        }
    }

    /** Closes a detector that holds resources (model sessions); others are left alone. */
    static void closeQuietly(SegmentDetector detector) {
        if (detector instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(DetectorRegistry.class)
                        .warn("could not close detector {}: {}", detector.name(), e.toString());
            }
        }
    }

    private Entry entry(String name) {
        var entry = entries.get(name);
        if (entry == null) {
            throw new AnalyzerException(AnalyzerConfig.DETECTORS + " names unknown detector '" + name
                    + "'; known: " + String.join(",", names()));
        }
        return entry;
    }
}
