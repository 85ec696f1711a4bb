package io.cuepoint.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/docker/Dockerfile, read (Docker does not run here): what each role's image carries, as whom it runs, and
 * that the build context lets in what the stages copy.
 */
class DockerfileTest {
    static final Path DOCKERFILE = Repository.path("deploy/docker/Dockerfile");
    private static final List<String> ROLES = List.of("api", "ingest", "analyzer");
    private static final Pattern FROM_STAGE = Pattern.compile("--from=(\\S+)");

    private final Dockerfile dockerfile = Dockerfile.parse(DOCKERFILE);

    @Test
    void theNativeArtifactIsTheOneTheAnalyzerLoads() {
        assertThat(tensorFlowStage()).as("a stage fetches %s", CodeNames.tensorFlowNativeArtifact()).isNotNull();
    }

    @Test
    void apiAndIngestImagesCarryNoTensorFlowNativesAndNoCuda() {
        for (String role : List.of("api", "ingest")) {
            assertThat(dockerfile.baseImage(role)).as(role).startsWith("eclipse-temurin:17").contains("jre");
            Set<String> sources = contributingStages(role);
            assertThat(sources).as(role + " takes files from").doesNotContain(tensorFlowStage(), modelsStage());
            for (String stage : sources) {
                for (var i : dockerfile.stage(stage).orElseThrow().instructions()) {
                    assertThat(i.arguments()).as("%s:%d", stage, i.line()).doesNotContainIgnoringCase("cuda")
                            .doesNotContain("libjnitensorflow", "libtensorflow", "TENSORFLOW_LIBRARY_PATH");
                }
            }
            assertThat(dockerfile.environment(role)).doesNotContainKey("TENSORFLOW_LIBRARY_PATH");
        }
    }

    @Test
    void analyzerRunsOnCuda12WithTensorFlowNativesAndModelsWhereItsSettingsPoint() {
        assertThat(dockerfile.baseImage("analyzer")).startsWith("nvidia/cuda:12.").endsWith("ubuntu22.04");
        var env = dockerfile.environment("analyzer");
        var stage = dockerfile.stage("analyzer").orElseThrow();
        assertThat(copyDestination(stage, tensorFlowStage())).isEqualTo(env.get("TENSORFLOW_LIBRARY_PATH"));
        String models = copyDestination(stage, modelsStage());
        assertThat(env.get("CUEPOINT_MODELS_DIR")).startsWith(models + "/");
        // The models stage installs into the folder whose name the setting ends with, with the repository's script.
        String install = dockerfile.stage(modelsStage()).orElseThrow().all("RUN").get(0).arguments();
        assertThat(install).contains("fetch-models.sh").contains("--models-dir");
        String folder = Path.of(env.get("CUEPOINT_MODELS_DIR")).getFileName().toString();
        assertThat(install).containsPattern("--models-dir \\S*/" + Pattern.quote(folder) + "(\\s|$)");
        // TensorFlow 2.16 opens cuDNN 8 (libcudnn.so.8).
        assertThat(stage.all("RUN").toString()).contains("libcudnn8");
    }

    @Test
    void theBuildStagePackagesForLinuxX8664AndCopiesTheLauncherLayout() {
        String build = dockerfile.stage("build").orElseThrow().all("RUN").toString();
        assertThat(build).contains("package", "-DskipTests", "-Djavacpp.platform=linux-x86_64")
                .contains("api/target/cuepoint.jar", "api/target/lib");
        for (String role : ROLES) {
            assertThat(contributingStages(role)).as(role).contains("build");
            assertThat(entrypoint(role)).as(role).endsWith("\"-jar\", \"/opt/cuepoint/cuepoint.jar\"]");
        }
    }

    @Test
    void everyImageRunsAsAnUnprivilegedUserAndExposesTheManagementPort() {
        for (String role : ROLES) {
            String user = nearestLast(role, "USER").split(":")[0];
            assertThat(user).as(role + " user").matches("[1-9][0-9]*");
            var chain = dockerfile.chain(role);
            assertThat(chain.stream().flatMap(s -> s.all("EXPOSE").stream()).map(i -> i.arguments()))
                    .as(role).anyMatch(ports -> ports.contains("9400"));
            assertThat(chain.stream().flatMap(s -> s.all("HEALTHCHECK").stream()))
                    .as(role + ": probes use the management port").allMatch(h -> h.arguments().contains("9400"));
        }
    }

    @Test
    void theBuildContextLetsInWhatTheStagesCopyAndNothingBuiltLocally() {
        Path ignoreFile = Path.of(DOCKERFILE + ".dockerignore");
        assertThat(ignoreFile).isRegularFile();
        var ignore = DockerIgnore.read(ignoreFile);
        for (var stage : dockerfile.stages()) {
            for (var copy : stage.all("COPY")) {
                if (copy.arguments().contains("--from=")) {
                    continue;
                }
                String[] parts = copy.arguments().split("\\s+");
                for (int i = 0; i < parts.length - 1; i++) {
                    assertThat(Files.exists(Repository.path(parts[i]))).as("line %d copies %s", copy.line(), parts[i])
                            .isTrue();
                    assertThat(ignore.sends(parts[i])).as("line %d copies %s", copy.line(), parts[i]).isTrue();
                }
            }
        }
        for (String local : List.of("api/target/cuepoint.jar", ".git", "analyzer/parity/node_modules/x",
                "bench-out/result.json", "ingest/src/main/../../target/classes")) {
            assertThat(ignore.sends(Path.of(local).normalize().toString())).as(local).isFalse();
        }
    }

    private String tensorFlowStage() {
        String artifact = CodeNames.tensorFlowNativeArtifact();
        return dockerfile.stages().stream().filter(s -> s.all("ARG").stream()
                .anyMatch(a -> a.arguments().endsWith("=" + artifact))).map(Dockerfile.Stage::name).findFirst()
                .orElse(null);
    }

    private String modelsStage() {
        return dockerfile.stages().stream().filter(s -> s.all("RUN").toString().contains("fetch-models.sh"))
                .map(Dockerfile.Stage::name).findFirst().orElseThrow();
    }

    /** The stages whose files end up in a role's image: its own chain and, transitively, what it copies from. */
    private Set<String> contributingStages(String role) {
        var found = new LinkedHashSet<String>();
        var todo = new ArrayDeque<>(List.of(role));
        while (!todo.isEmpty()) {
            for (var stage : dockerfile.chain(todo.pop())) {
                if (found.add(stage.name())) {
                    for (var copy : stage.all("COPY")) {
                        var m = FROM_STAGE.matcher(copy.arguments());
                        if (m.find() && dockerfile.stage(m.group(1)).isPresent()) {
                            todo.add(m.group(1));
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String copyDestination(Dockerfile.Stage stage, String from) {
        return stage.all("COPY").stream().filter(c -> c.arguments().startsWith("--from=" + from + " "))
                .map(c -> c.arguments().split("\\s+")).map(p -> p[p.length - 1].replaceAll("/$", "")).findFirst()
                .orElseThrow(() -> new AssertionError(stage.name() + " copies nothing from " + from));
    }

    private String entrypoint(String role) {
        return nearestLast(role, "ENTRYPOINT");
    }

    /** The instruction that is in force for an image: the last one of the nearest stage that has any. */
    private String nearestLast(String role, String keyword) {
        for (var stage : dockerfile.chain(role)) {
            var found = stage.all(keyword);
            if (!found.isEmpty()) {
                return found.get(found.size() - 1).arguments();
            }
        }
        throw new AssertionError(role + " has no " + keyword);
    }
}
