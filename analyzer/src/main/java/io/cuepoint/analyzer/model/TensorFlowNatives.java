package io.cuepoint.analyzer.model;

import com.sun.jna.Library;
import com.sun.jna.Native;
import io.cuepoint.analyzer.AnalyzerException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points DJL's TensorFlow engine at TensorFlow's native libraries before the engine loads.
 *
 * <p>DJL would pick a native build by probing the host and download it; on a CPU-only host it never picks
 * the CUDA build Cuepoint ships with, and the analyzer runs offline. So the folder is resolved here and
 * handed to DJL through the {@value #LIBRARY_PATH} system property, with {@code ai.djl.offline=true}.
 * Resolution order:
 * <ol>
 *   <li>{@value #LIBRARY_PATH} set by the user (environment variable or system property);</li>
 *   <li>the cache folder {@code <nativeCache>/tensorflow-2.16.1-cu121}, complete once its marker file
 *       exists;</li>
 *   <li>the native jar, found on the class path (tests, development) or in the local Maven repository
 *       ({@code -Dmaven.repo.local} honoured), unpacked into the cache folder ({@link NativeExtractor});</li>
 *   <li>otherwise an {@link AnalyzerException} saying which command fetches the jar.</li>
 * </ol>
 */
public final class TensorFlowNatives {
    /** DJL's key (environment variable or system property) for the folder holding the natives. */
    public static final String LIBRARY_PATH = "TENSORFLOW_LIBRARY_PATH";
    /** The JNI library every TensorFlow native folder must hold. */
    static final String JNI_LIBRARY = "libjnitensorflow.so";
    static final String VERSION = "2.16.1";
    static final String FLAVOR = "cu121";
    static final String CLASSIFIER = "linux-x86_64";
    static final String ARTIFACT = "ai.djl.tensorflow:tensorflow-native-" + FLAVOR + ":" + VERSION + ":jar:"
            + CLASSIFIER;
    static final String ONEDNN = "TF_ENABLE_ONEDNN_OPTS";
    private static final String LOG_LEVEL = "TF_CPP_MIN_LOG_LEVEL";
    static final String FETCH_COMMAND = "mvn dependency:get -Dartifact=" + ARTIFACT;

    private static final Logger LOG = LoggerFactory.getLogger(TensorFlowNatives.class);
    private static Path configured;

    private final Function<String, String> env;
    private final Function<String, String> properties;
    private final Path nativeCache;
    private final ClassLoader classPath;

    /**
     * @param env         environment lookup (System::getenv in production)
     * @param properties  system property lookup (System::getProperty in production)
     * @param nativeCache folder that holds unpacked native builds, such as {@code ~/.cuepoint/native}
     * @param classPath   where to look for the native jar as a class path entry
     */
    TensorFlowNatives(Function<String, String> env, Function<String, String> properties, Path nativeCache,
                      ClassLoader classPath) {
        this.env = env;
        this.properties = properties;
        this.nativeCache = nativeCache;
        this.classPath = classPath;
    }

    /**
     * Resolves the native folder once per JVM and hands it to DJL; later calls return the same folder.
     *
     * @param nativeCache folder for unpacked native builds ({@link ModelConfig#nativeCache()})
     * @return the folder holding {@value #JNI_LIBRARY}
     * @throws AnalyzerException when no native build can be found, with the command that fetches one
     */
    public static synchronized Path configure(Path nativeCache) {
        if (configured == null) {
            var folder = new TensorFlowNatives(System::getenv, System::getProperty, nativeCache,
                    TensorFlowNatives.class.getClassLoader()).resolve();
            System.setProperty(LIBRARY_PATH, folder.toString());
            // Never let DJL reach for the network: every native and model is local.
            System.setProperty("ai.djl.offline", "true");
            enableOneDnn();
            LOG.info("TensorFlow {} natives from {}", VERSION, folder);
            configured = folder;
        }
        return configured;
    }

    /**
     * Turns on TensorFlow's oneDNN CPU kernels, which TensorFlow reads from the environment once, when it
     * first runs a graph. It enables them by default only on CPUs with AVX-512 VNNI or AMX; elsewhere the
     * fused depthwise convolutions of the TF.js models ({@code _FusedDepthwiseConv2dNative}, which only
     * oneDNN implements) would produce nothing. A JVM cannot change its own environment, so this asks libc.
     */
    private static void enableOneDnn() {
        var current = System.getenv(ONEDNN);
        if (current != null && !current.trim().equals("1") && !current.trim().equalsIgnoreCase("true")) {
            LOG.warn("{}={} ignored: the TF.js models' fused depthwise convolutions need oneDNN", ONEDNN, current);
        }
        // setenv is not safe while other threads read the environment, so it is called only when needed:
        // the ./cuepoint launcher exports both variables, and then nothing is changed here.
        var libc = Native.load("c", LibC.class);
        if (System.getenv(LOG_LEVEL) == null) {
            // TensorFlow's C++ INFO lines (one per model load, CUDA probing) go straight to stderr, past
            // SLF4J; warnings and errors still show. An operator's own TF_CPP_MIN_LOG_LEVEL wins.
            libc.setenv(LOG_LEVEL, "1", 0);
        }
        if (current != null && current.trim().equals("1")) {
            return;
        }
        int rc = libc.setenv(ONEDNN, "1", 1);
        if (rc != 0) {
            throw new AnalyzerException("Cannot set " + ONEDNN + "=1 for TensorFlow (setenv failed); set it in "
                    + "the environment before starting the analyzer");
        }
    }

    /** The one libc call this class needs. */
    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** The folder to use, unpacking the native jar into the cache when needed. */
    Path resolve() {
        var explicit = firstNonBlank(properties.apply(LIBRARY_PATH), env.apply(LIBRARY_PATH));
        if (explicit != null) {
            var folder = Path.of(explicit);
            if (!Files.isRegularFile(folder.resolve(JNI_LIBRARY))) {
                throw new AnalyzerException(LIBRARY_PATH + "=" + explicit + " holds no " + JNI_LIBRARY
                        + "; point it at the unpacked native/lib folder of " + ARTIFACT + " or unset it");
            }
            return folder;
        }
        var extractor = new NativeExtractor(nativeCache.resolve("tensorflow-" + VERSION + "-" + FLAVOR));
        if (extractor.isComplete()) {
            return extractor.folder();
        }
        var jar = findJar();
        if (jar == null) {
            throw new AnalyzerException("TensorFlow " + VERSION + " native libraries not found: not in "
                    + extractor.folder() + ", not on the class path, not in " + mavenJar()
                    + ". Fetch them with `" + FETCH_COMMAND + "` or set " + LIBRARY_PATH
                    + " to a folder holding " + JNI_LIBRARY);
        }
        return extractor.extractFrom(jar);
    }

    private Path findJar() {
        Path onClassPath = classPathJar();
        if (onClassPath != null) {
            return onClassPath;
        }
        Path local = mavenJar();
        return Files.isRegularFile(local) ? local : null;
    }

    /** The native jar when it is on the class path (provided scope: tests and development runs). */
    private Path classPathJar() {
        URL url = classPath.getResource("native/lib/" + JNI_LIBRARY);
        if (url == null || !"jar".equals(url.getProtocol())) {
            return null;
        }
        var spec = url.getPath();
        try {
            return Path.of(new URL(spec.substring(0, spec.indexOf("!/"))).toURI());
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            LOG.warn("Cannot use the TensorFlow native jar at {}: {}", url, e.toString());
            return null;
        }
    }

    /** Where Maven keeps the native jar in the local repository. */
    Path mavenJar() {
        var repo = firstNonBlank(properties.apply("maven.repo.local"), null);
        var root = repo != null ? Path.of(repo)
                : Path.of(properties.apply("user.home"), ".m2", "repository");
        return root.resolve(Path.of("ai", "djl", "tensorflow", "tensorflow-native-" + FLAVOR, VERSION,
                "tensorflow-native-" + FLAVOR + "-" + VERSION + "-" + CLASSIFIER + ".jar"));
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        return b != null && !b.isBlank() ? b.trim() : null;
    }
}
