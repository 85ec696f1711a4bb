package io.cuepoint.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.analyzer.AnalyzerException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the TensorFlow natives come from, in order. The real 485 MB jar is unpacked by every test JVM
 * that loads a model (see {@link TfjsParityTest}); these cases use small jars of the same layout.
 */
class TensorFlowNativesTest {
    /** A class loader that sees no native jar. */
    private static final ClassLoader NO_CLASS_PATH = new URLClassLoader(new URL[0], null);

    @TempDir
    Path temp;

    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();

    private TensorFlowNatives natives(ClassLoader classPath) {
        properties.putIfAbsent("user.home", temp.resolve("home").toString());
        return new TensorFlowNatives(env::get, properties::get, temp.resolve("native"), classPath);
    }

    @Test
    void anExplicitFolderWinsOverEverythingElse() throws IOException {
        var folder = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(folder.resolve(TensorFlowNatives.JNI_LIBRARY), "stub");
        env.put(TensorFlowNatives.LIBRARY_PATH, folder.toString());
        assertThat(natives(NO_CLASS_PATH).resolve()).isEqualTo(folder);
        assertThat(temp.resolve("native")).doesNotExist();
    }

    @Test
    void theSystemPropertyIsAsGoodAsTheEnvironment() throws IOException {
        var folder = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(folder.resolve(TensorFlowNatives.JNI_LIBRARY), "stub");
        properties.put(TensorFlowNatives.LIBRARY_PATH, folder.toString());
        env.put(TensorFlowNatives.LIBRARY_PATH, temp.resolve("elsewhere").toString());
        assertThat(natives(NO_CLASS_PATH).resolve()).isEqualTo(folder);
    }

    @Test
    void anExplicitFolderWithoutTheLibraryIsAnError() {
        env.put(TensorFlowNatives.LIBRARY_PATH, temp.toString());
        assertThatThrownBy(() -> natives(NO_CLASS_PATH).resolve()).isInstanceOf(AnalyzerException.class)
                .hasMessageContaining(TensorFlowNatives.LIBRARY_PATH).hasMessageContaining("libjnitensorflow.so");
    }

    @Test
    void aCompleteCacheFolderIsUsedAsItIs() throws IOException {
        var cached = Files.createDirectories(temp.resolve("native/tensorflow-2.16.1-cu121"));
        Files.writeString(cached.resolve(TensorFlowNatives.JNI_LIBRARY), "stub");
        Files.writeString(cached.resolve(NativeExtractor.MARKER), "");
        assertThat(natives(NO_CLASS_PATH).resolve()).isEqualTo(cached);
    }

    @Test
    void theJarInTheLocalMavenRepositoryIsUnpackedIntoTheCache() throws IOException {
        var repo = temp.resolve("m2");
        properties.put("maven.repo.local", repo.toString());
        var jar = natives(NO_CLASS_PATH).mavenJar();
        assertThat(jar.toString()).startsWith(repo.toString())
                .endsWith("ai/djl/tensorflow/tensorflow-native-cu121/2.16.1/tensorflow-native-cu121-2.16.1-linux-x86_64.jar");
        writeNativeJar(jar);

        var folder = natives(NO_CLASS_PATH).resolve();

        assertThat(folder).isEqualTo(temp.resolve("native/tensorflow-2.16.1-cu121"));
        assertThat(folder.resolve(TensorFlowNatives.JNI_LIBRARY)).hasContent("jni");
        assertThat(folder.resolve("libtensorflow_cc.so.2")).hasContent("cc");
        assertThat(folder.resolve(NativeExtractor.MARKER)).exists();
        assertThat(folder.resolve("README")).doesNotExist();
        try (var left = Files.list(temp.resolve("native"))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("tensorflow-2.16.1-cu121", "tensorflow-2.16.1-cu121.lock");
        }
    }

    @Test
    void aJarOnTheClassPathIsUsedBeforeTheMavenRepository() throws IOException {
        var jar = temp.resolve("cp/native.jar");
        writeNativeJar(jar);
        properties.put("maven.repo.local", temp.resolve("empty-m2").toString());
        try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            var folder = natives(loader).resolve();
            assertThat(folder.resolve(NativeExtractor.MARKER)).content(StandardCharsets.UTF_8).contains(jar.toString());
        }
    }

    @Test
    void threadsThatStartTogetherShareOneUnpacking() throws Exception {
        properties.put("maven.repo.local", temp.resolve("m2").toString());
        writeNativeJar(natives(NO_CLASS_PATH).mavenJar());
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var results = new ArrayList<Future<Path>>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return natives(NO_CLASS_PATH).resolve();
                }));
            }
            start.countDown();
            for (var result : results) {
                assertThat(result.get()).isEqualTo(temp.resolve("native/tensorflow-2.16.1-cu121"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(temp.resolve("native/tensorflow-2.16.1-cu121").resolve(TensorFlowNatives.JNI_LIBRARY)).hasContent("jni");
    }

    @Test
    void withNothingToUseTheErrorSaysWhatToRun() {
        properties.put("maven.repo.local", temp.resolve("empty-m2").toString());
        assertThatThrownBy(() -> natives(NO_CLASS_PATH).resolve()).isInstanceOf(AnalyzerException.class)
                .hasMessageContaining("mvn dependency:get -Dartifact=ai.djl.tensorflow:tensorflow-native-cu121:2.16.1:jar:linux-x86_64")
                .hasMessageContaining(TensorFlowNatives.LIBRARY_PATH);
    }

    @Test
    void aJarWithoutTheLibraryLeavesNoCacheFolder() throws IOException {
        properties.put("maven.repo.local", temp.resolve("m2").toString());
        var jar = natives(NO_CLASS_PATH).mavenJar();
        Files.createDirectories(jar.getParent());
        try (var zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("native/lib/libtensorflow_cc.so.2"));
            zip.write("cc".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> natives(NO_CLASS_PATH).resolve()).isInstanceOf(AnalyzerException.class)
                .hasMessageContaining("holds no native/lib/libjnitensorflow.so");
        try (var left = Files.list(temp.resolve("native"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("tensorflow-2.16.1-cu121.lock");
        }
    }

    /** A jar laid out like tensorflow-native-cu121, with tiny stand-ins for the libraries. */
    private static void writeNativeJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (var zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (var entry : Map.of("native/lib/libjnitensorflow.so", "jni", "native/lib/libtensorflow_cc.so.2", "cc",
                    "native/lib/tensorflow.properties", "version=2.16.1", "META-INF/MANIFEST.MF", "x",
                    "native/README", "not a library").entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("native/lib/"));
            zip.closeEntry();
        }
    }
}
