package io.cuepoint.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.model.ModelConfig;
import io.cuepoint.ingest.IngestConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable the manifests, the compose file and the Dockerfile set is one the code reads
 * (a misspelt or retired name would otherwise be ignored without a word), and the roles' own parsers accept the
 * values.
 */
class EnvironmentVariablesTest {
    private static final ReadableSettings READABLE = ReadableSettings.fromCode();

    @Test
    void theReadableNamesAreFoundInTheCode() {
        assertThat(READABLE.size()).as("names found").isGreaterThan(100);
        assertThat(READABLE.reader("CUEPOINT_SEGMENT_SECONDS")).hasValueSatisfying(w -> assertThat(w).contains("ingest/"));
        assertThat(READABLE.reader("CUEPOINT_PORT")).isPresent();
        assertThat(READABLE.reader("MICRONAUT_SERVER_MAX_REQUEST_SIZE")).hasValueSatisfying(
                w -> assertThat(w).contains("application.yml"));
        assertThat(READABLE.reader("DATASOURCES_DEFAULT_PASSWORD")).isPresent();
        assertThat(READABLE.reader("CUEPOINT_AUTH_JWT_SECRET")).isPresent();
        assertThat(READABLE.reader("CUEPOINT_AUTH_RATE_LIMIT_BURST")).hasValueSatisfying(
                w -> assertThat(w).contains("AuthConfig"));
        assertThat(READABLE.reader("CUEPOINT_MEDIA_DIR")).hasValueSatisfying(w -> assertThat(w).contains("CuepointConfig"));
        assertThat(READABLE.reader("CUEPOINT_ANALYZER_WORKERS")).isPresent();
        assertThat(READABLE.reader("CUEPOINT_MODEL_CENTERNET")).hasValueSatisfying(w -> assertThat(w).contains("prefix"));
        assertThat(READABLE.reader("TENSORFLOW_LIBRARY_PATH")).isPresent();
        // Names only mentioned in comments or documentation do not count.
        assertThat(READABLE.reader("CUEPOINT_JAVA_OPTS")).as("read by the launcher script, not the program").isEmpty();
        assertThat(READABLE.reader("CUEPOINT_SEGMENT_SECOND")).isEmpty();
    }

    @Test
    void everyVariableTheDeploymentFilesSetIsOneTheCodeReads() throws Exception {
        var settings = new ArrayList<Setting>();
        for (String overlay : Manifests.overlays()) {
            settings.addAll(Manifests.render(overlay).settings());
        }
        settings.addAll(Compose.load().settings());
        var dockerfile = Dockerfile.parse(DockerfileTest.DOCKERFILE);
        for (var stage : dockerfile.stages()) {
            for (var env : stage.all("ENV")) {
                Dockerfile.envSettings(env.arguments()).keySet().forEach(name -> settings.add(new Setting(name,
                        Repository.relative(dockerfile.file()) + ":" + env.line() + " (stage " + stage.name() + ")")));
            }
        }
        assertThat(settings).as("settings found").hasSizeGreaterThan(20);
        List<Setting> unread = settings.stream().filter(s -> READABLE.reader(s.name()).isEmpty()).distinct().toList();
        assertThat(unread).as("variables that no code reads (derived from the main sources of %s)",
                Repository.CODE_MODULES).isEmpty();
    }

    @Test
    void theRolesAcceptTheValuesTheManifestsSet() throws Exception {
        for (String overlay : Manifests.overlays()) {
            var manifests = Manifests.render(overlay);
            var analyzer = manifests.environment(Manifests.containers(
                    manifests.named("Deployment", "cuepoint-analyzer")).get(0));
            accept(overlay + " analyzer", analyzer);
            var ingest = manifests.environment(Manifests.containers(
                    manifests.named("Deployment", "cuepoint-ingest")).get(0));
            accept(overlay + " ingest", ingest);
        }
        var compose = Compose.load();
        accept("compose analyzer", compose.environment("analyzer"));
        accept("compose ingest", compose.environment("ingest"));
    }

    private static void accept(String where, Map<String, String> env) {
        try {
            IngestConfig.fromEnvironment(env);
            AnalyzerConfig.fromEnvironment(env);
            ModelConfig.fromEnvironment(env);
        } catch (RuntimeException e) {
            throw new AssertionError(where + " sets a value the role refuses: " + e.getMessage(), e);
        }
    }
}
