package io.cuepoint.analyzer.model;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import io.cuepoint.analyzer.AnalyzerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads Cuepoint's models by name: finds the TF.js files in the models folder, checks them, imports them
 * into a SavedModel once per checksum ({@link SavedModelCache}) and loads that into DJL's TensorFlow
 * engine on the configured device. A user's own SavedModel ({@code CUEPOINT_MODEL_<NAME>}) replaces the
 * import.
 *
 * <p>Thread-safe; load each model once at start and share the {@link LoadedModel} between worker threads,
 * each opening its own session.
 */
public final class ModelRepository {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRepository.class);
    private static final String SUMS_FILE = "SHA256SUMS";

    private final ModelConfig config;
    private final SavedModelCache cache;
    private TfSessionOptions options;

    public ModelRepository(ModelConfig config) {
        this.config = config;
        this.cache = new SavedModelCache(config.cacheDir());
        LOG.info("Models: {}", config.describe());
    }

    /**
     * Loads a model.
     *
     * @param name model name in the package, such as {@code movenet-lightning}
     * @throws AnalyzerException when the model is missing or corrupt (the message names the model and
     *                           {@value ModelConfig#FETCH_COMMAND}), or TensorFlow cannot load it
     */
    public LoadedModel load(String name) {
        var options = sessionOptions();
        long started = System.nanoTime();
        var override = config.overrideFor(name);
        String sha256;
        Path folder;
        if (override != null) {
            folder = override;
            sha256 = folderChecksum(name, override);
        } else {
            var files = locate(name);
            sha256 = files.sha256();
            folder = cache.importIfAbsent(files);
        }
        var loaded = new TfLoadedModel(name, sha256, loadSavedModel(name, folder, options));
        LOG.info("Loaded model {} from {} on {} in {} ms", loaded.producerId(), folder, options.describe(),
                (System.nanoTime() - started) / 1_000_000);
        return loaded;
    }

    /**
     * Whether models run on a GPU ({@code CUEPOINT_DEVICE} and what TensorFlow sees): callers batch more
     * there. Starts the engine when it has not started yet.
     */
    public boolean usesGpu() {
        return sessionOptions().gpu();
    }

    /** The device and threads models run with; resolving it loads the engine (once). */
    synchronized TfSessionOptions sessionOptions() {
        if (options == null) {
            TensorFlowNatives.configure(config.nativeCache());
            // DJL sizes the engine's own eager context from these; set them before it loads.
            System.setProperty("ai.djl.tensorflow.num_intraop_threads", Integer.toString(config.intraOpThreads()));
            System.setProperty("ai.djl.tensorflow.num_interop_threads", Integer.toString(config.interOpThreads()));
            Engine engine;
            try {
                engine = Engine.getEngine("TensorFlow");
            } catch (RuntimeException e) {
                throw new AnalyzerException("TensorFlow's engine did not start: " + e.getMessage(), e);
            }
            options = TfSessionOptions.resolve(config, engine.hasCapability(StandardCapabilities.CUDA));
            LOG.info("TensorFlow {} runs models on {}", engine.getVersion(), options.describe());
        }
        return options;
    }

    private TfjsModelFiles locate(String name) {
        try {
            var files = TfjsModelFiles.locate(config.modelsDir(), name);
            var sums = config.modelsDir().resolve(SUMS_FILE);
            if (Files.isRegularFile(sums)) {
                files.verify(sums);
            }
            return files;
        } catch (NoSuchFileException e) {
            throw missing(name, "missing " + e.getFile() + (e.getReason() == null ? "" : " (" + e.getReason() + ")"), e);
        } catch (IOException e) {
            throw missing(name, e.getMessage(), e);
        }
    }

    private Model loadSavedModel(String name, Path folder, TfSessionOptions options) {
        var model = Model.newInstance(name, options.device(), "TensorFlow");
        try {
            model.load(folder, null, Map.of("ConfigProto", options.configProto()));
            return model;
        } catch (IOException | ai.djl.MalformedModelException | RuntimeException e) {
            model.close();
            throw new AnalyzerException("Model " + name + ": TensorFlow cannot load the SavedModel in " + folder
                    + ": " + e.getMessage() + ". Delete that folder to import again, or refetch with "
                    + ModelConfig.FETCH_COMMAND, e);
        }
    }

    private AnalyzerException missing(String name, String detail, Exception cause) {
        return new AnalyzerException("Model " + name + " is missing or corrupt in " + config.modelsDir() + ": "
                + detail + ". Fetch the models with " + ModelConfig.FETCH_COMMAND
                + (config.modelsDir().equals(ModelConfig.defaults().modelsDir()) ? ""
                        : " --models-dir " + config.modelsDir()), cause);
    }

    /** A user SavedModel's identity: SHA-256 over its files' relative paths and bytes, in path order. */
    private static String folderChecksum(String name, Path folder) {
        var digest = TfjsModelFiles.newDigest();
        try (var paths = Files.walk(folder)) {
            for (var file : paths.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(folder.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new AnalyzerException("Model " + name + ": cannot read its SavedModel folder " + folder + " ("
                    + ModelConfig.OVERRIDE_PREFIX + "...): " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
