package io.cuepoint.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.analyzer.AnalyzerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading the real emotion model (the smallest) from copies of the installed files: the checks that
 * fail a missing or corrupt model at start, the import cache, and a user's own SavedModel.
 */
class ModelRepositoryTest {
    private static final String MODEL = "emotion";

    @TempDir
    Path temp;
    private Path models;

    @BeforeEach
    void copyTheInstalledModel() throws IOException {
        models = Files.createDirectories(temp.resolve("models"));
        var installed = TestModels.config().modelsDir();
        for (var file : new String[] {MODEL + ".json", MODEL + ".bin"}) {
            Files.copy(installed.resolve(file), models.resolve(file));
        }
        // The fetch script's checksum list, for exactly these files.
        var sums = new StringBuilder();
        for (var file : new String[] {MODEL + ".json", MODEL + ".bin"}) {
            var digest = TfjsModelFiles.newDigest().digest(Files.readAllBytes(models.resolve(file)));
            sums.append(java.util.HexFormat.of().formatHex(digest)).append("  ").append(file).append('\n');
        }
        Files.writeString(models.resolve("SHA256SUMS"), sums);
    }

    private ModelRepository repository(Map<String, String> extra) {
        var env = new java.util.HashMap<>(Map.of(ModelConfig.MODELS_DIR, models.toString(),
                ModelConfig.MODEL_CACHE, temp.resolve("cache").toString()));
        env.putAll(extra);
        return new ModelRepository(ModelConfig.fromEnvironment(env));
    }

    private void assertLoadFails(String detail) {
        assertThatThrownBy(() -> repository(Map.of()).load(MODEL)).isInstanceOf(AnalyzerException.class)
                .hasMessageContaining("Model " + MODEL).hasMessageContaining("scripts/fetch-models.sh")
                .hasMessageContaining(detail);
    }

    @Test
    void aMissingModelJsonNamesTheModelAndTheFetchCommand() throws IOException {
        Files.delete(models.resolve(MODEL + ".json"));
        assertLoadFails("emotion.json");
    }

    @Test
    void aMissingWeightFileIsNamed() throws IOException {
        Files.delete(models.resolve(MODEL + ".bin"));
        assertLoadFails("emotion.bin");
    }

    @Test
    void aFileThatDiffersFromTheChecksumListIsRejected() throws IOException {
        var bin = models.resolve(MODEL + ".bin");
        var bytes = Files.readAllBytes(bin);
        bytes[1000] ^= 1;
        Files.write(bin, bytes);
        assertLoadFails("does not match");
    }

    @Test
    void anUnparsableModelJsonIsRejected() throws IOException {
        var json = models.resolve(MODEL + ".json");
        Files.writeString(json, Files.readString(json).substring(0, 5000));
        Files.delete(models.resolve("SHA256SUMS"));
        assertLoadFails("is not valid JSON");
    }

    @Test
    void aTruncatedWeightFileIsRejectedEvenWithoutAChecksumList() throws IOException {
        var bin = models.resolve(MODEL + ".bin");
        Files.write(bin, Arrays.copyOf(Files.readAllBytes(bin), 800_000));
        Files.delete(models.resolve("SHA256SUMS"));
        assertLoadFails("end early");
    }

    @Test
    void anImportIsCachedByChecksumAndAChangedModelGetsItsOwn() throws IOException {
        String first;
        try (var model = repository(Map.of()).load(MODEL)) {
            first = model.sha256();
            assertThat(model.producerId()).isEqualTo("emotion@sha256:" + first.substring(0, 12));
        }
        var folder = temp.resolve("cache").resolve(MODEL + "-" + first.substring(0, 16) + "-i" + SavedModelCache.IMPORTER_VERSION);
        var imported = Files.getLastModifiedTime(folder.resolve("saved_model.pb"));
        try (var again = repository(Map.of()).load(MODEL)) {
            assertThat(again.sha256()).isEqualTo(first);
        }
        assertThat(Files.getLastModifiedTime(folder.resolve("saved_model.pb"))).isEqualTo(imported);

        // A different (still valid) model.json: one more space changes the checksum, not the model.
        var json = models.resolve(MODEL + ".json");
        Files.writeString(json, Files.readString(json) + " ");
        Files.delete(models.resolve("SHA256SUMS"));
        try (var changed = repository(Map.of()).load(MODEL)) {
            assertThat(changed.sha256()).isNotEqualTo(first);
        }
        try (var cached = Files.list(temp.resolve("cache"))) {
            assertThat(cached.map(p -> p.getFileName().toString())).hasSize(2).allMatch(n -> n.startsWith(MODEL + "-"));
        }
    }

    @Test
    void aUsersSavedModelReplacesTheImport() throws IOException {
        String packaged;
        try (var model = repository(Map.of()).load(MODEL)) {
            packaged = model.sha256();
        }
        var own = Files.createDirectories(temp.resolve("own"));
        Files.copy(temp.resolve("cache").resolve(MODEL + "-" + packaged.substring(0, 16) + "-i" + SavedModelCache.IMPORTER_VERSION).resolve("saved_model.pb"),
                own.resolve("saved_model.pb"), StandardCopyOption.REPLACE_EXISTING);
        Files.delete(models.resolve(MODEL + ".bin"));

        try (var model = repository(Map.of("CUEPOINT_MODEL_EMOTION", own.toString())).load(MODEL);
             var session = model.newSession()) {
            assertThat(model.sha256()).hasSize(64).isNotEqualTo(packaged);
            var out = session.run(Map.of("input_1:0", Tensor.ofFloats(new float[64 * 64], 1, 64, 64, 1)));
            assertThat(out.get("Identity:0").shape()).containsExactly(1, 7);
        }
    }
}
