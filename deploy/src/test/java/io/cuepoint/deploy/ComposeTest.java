package io.cuepoint.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/compose.yaml: the broker the code is built against, the three roles from the Dockerfile, health checks. */
class ComposeTest {
    private final Compose compose = Compose.load();

    @Test
    void kafkaIsTheReleaseTheClientsAreBuiltAgainst() {
        var version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>")
                .matcher(Repository.read(Repository.path("pom.xml")));
        assertThat(version.find()).isTrue();
        assertThat(compose.service("kafka").get("image")).isEqualTo("apache/kafka:" + version.group(1));
        assertThat(compose.environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
    }

    @Test
    void theRolesAreBuiltFromTheirDockerfileStages() {
        var dockerfile = Dockerfile.parse(DockerfileTest.DOCKERFILE);
        assertThat(compose.roles()).containsExactlyInAnyOrder("api", "ingest", "analyzer");
        for (String role : compose.roles()) {
            @SuppressWarnings("unchecked")
            var build = (Map<String, Object>) compose.service(role).get("build");
            assertThat(Compose.FILE.getParent().resolve(String.valueOf(build.get("context"))).normalize())
                    .as(role + " build context").isEqualTo(Repository.root());
            assertThat(Repository.root().resolve(String.valueOf(build.get("dockerfile"))))
                    .isEqualTo(DockerfileTest.DOCKERFILE);
            assertThat(dockerfile.stage(String.valueOf(build.get("target")))).as(role + " target").isPresent();
            assertThat(build.get("target")).isEqualTo(role);
            assertThat(compose.environment(role)).containsEntry("CUEPOINT_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        }
    }

    @Test
    void everyServiceHasAHealthCheckAndTheRolesUseTheManagementPort() {
        for (var service : compose.services().entrySet()) {
            assertThat(service.getValue()).as(service.getKey()).containsKey("healthcheck");
        }
        for (String role : compose.roles()) {
            String port = compose.environment(role).get("CUEPOINT_MANAGEMENT_PORT");
            assertThat(String.valueOf(compose.service(role).get("healthcheck")))
                    .contains("/dev/tcp/127.0.0.1/" + port).contains("/health/ready");
        }
    }

    @Test
    void apiAndIngestShareTheMediaVolumeAtTheMediaDirectory() {
        String mediaDir = compose.environment("api").get("CUEPOINT_MEDIA_DIR");
        for (String role : List.of("api", "ingest")) {
            assertThat(String.valueOf(compose.service(role).get("volumes"))).as(role)
                    .contains("media:" + mediaDir);
        }
    }
}
