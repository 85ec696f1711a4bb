package io.cuepoint.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After {@code mvn package}: the layout the Dockerfile copies (api/target/cuepoint.jar and api/target/lib) exists,
 * the jar's class path is all in lib/, and lib/ holds no TensorFlow natives, so the api and ingest images carry none.
 */
class PackagedLayoutIT {
    private static final Path JAR = Repository.path("api/target/cuepoint.jar");
    private static final Path LIB = Repository.path("api/target/lib");

    @Test
    void theLauncherJarFindsEveryDependencyInLib() throws IOException {
        assertThat(JAR).as("run mvn package first").isRegularFile();
        try (var jar = new JarFile(JAR.toFile())) {
            var manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Main-Class")).isNotBlank();
            List<String> classPath = List.of(manifest.getValue("Class-Path").trim().split("\\s+"));
            assertThat(classPath).hasSizeGreaterThan(50).allMatch(entry -> entry.startsWith("lib/"));
            for (String entry : classPath) {
                assertThat(JAR.getParent().resolve(entry)).as(entry).isRegularFile();
            }
        }
    }

    @Test
    void libHoldsNoTensorFlowNativeLibraries() throws IOException {
        List<Path> jars;
        try (Stream<Path> list = Files.list(LIB)) {
            jars = list.filter(p -> p.toString().endsWith(".jar")).toList();
        }
        assertThat(jars).isNotEmpty().noneMatch(p -> p.getFileName().toString().startsWith("tensorflow-native"));
        for (Path lib : jars) {
            try (var jar = new JarFile(lib.toFile())) {
                assertThat(jar.stream().map(e -> e.getName()))
                        .as(lib.getFileName().toString())
                        .noneMatch(name -> name.endsWith("libjnitensorflow.so") || name.contains("libtensorflow_cc"));
            }
        }
        // The Java side of DJL's engine is there (the analyzer image adds the natives).
        assertThat(jars).anyMatch(p -> p.getFileName().toString().startsWith("tensorflow-engine"));
    }
}
