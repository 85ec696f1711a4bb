package io.cuepoint.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every overlay, rendered by kubectl kustomize: the Deployments are probed, sized, unprivileged and wired up. */
class KubernetesManifestsTest {
    static final List<String> ROLES = List.of("cuepoint-api", "cuepoint-ingest", "cuepoint-analyzer");
    static final int MANAGEMENT_PORT = 9400;

    static List<String> overlays() throws Exception {
        return Manifests.overlays();
    }

    @Test
    void thereIsACpuAndAGpuOverlay() throws Exception {
        assertThat(overlays()).contains("cpu", "gpu");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentHasProbesOnTheManagementPortAndResources(String overlay) throws Exception {
        var manifests = Manifests.render(overlay);
        assertThat(manifests.ofKind("Deployment")).extracting(Manifests::name).containsAll(ROLES);
        var problems = new ArrayList<String>();
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            for (JsonNode c : Manifests.containers(deployment)) {
                String where = Manifests.name(deployment) + "/" + c.path("name").asText() + ": ";
                boolean management = Manifests.stream(c.path("ports")).anyMatch(p ->
                        "management".equals(p.path("name").asText()) && p.path("containerPort").asInt() == MANAGEMENT_PORT);
                if (!management) {
                    problems.add(where + "no port named management on " + MANAGEMENT_PORT);
                }
                probe(c, "livenessProbe", "/health/live", where, problems);
                probe(c, "readinessProbe", "/health/ready", where, problems);
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (c.path("resources").path(bound).path(resource).asText().isBlank()) {
                            problems.add(where + "no resources." + bound + "." + resource);
                        }
                    }
                }
            }
        }
        assertThat(problems).as("overlay %s", overlay).isEmpty();
    }

    private static void probe(JsonNode container, String probe, String path, String where, List<String> problems) {
        JsonNode get = container.path(probe).path("httpGet");
        String port = get.path("port").asText();
        if (!path.equals(get.path("path").asText())
                || !(port.equals("management") || port.equals(Integer.toString(MANAGEMENT_PORT)))) {
            problems.add(where + probe + " is not GET " + path + " on the management port: " + container.path(probe));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodRunsUnprivilegedOnAReadOnlyRootFilesystem(String overlay) throws Exception {
        var problems = new ArrayList<String>();
        for (JsonNode deployment : Manifests.render(overlay).ofKind("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            if (!pod.path("securityContext").path("runAsNonRoot").asBoolean() || pod.path("securityContext")
                    .path("runAsUser").asInt(0) == 0) {
                problems.add(Manifests.name(deployment) + ": pod may run as root");
            }
            for (JsonNode c : Manifests.containers(deployment)) {
                JsonNode sc = c.path("securityContext");
                if (sc.path("allowPrivilegeEscalation").asBoolean(true) || !sc.path("readOnlyRootFilesystem").asBoolean()
                        || Manifests.stream(sc.path("capabilities").path("drop")).noneMatch(d -> d.asText().equals("ALL"))) {
                    problems.add(Manifests.name(deployment) + "/" + c.path("name").asText() + ": " + sc);
                }
            }
        }
        assertThat(problems).as("overlay %s", overlay).isEmpty();
    }

    @Test
    void gpuAnalyzersRequestAGpuAndCpuAnalyzersDoNot() throws Exception {
        var gpu = Manifests.render("gpu");
        JsonNode analyzer = gpu.named("Deployment", "cuepoint-analyzer");
        JsonNode container = Manifests.containers(analyzer).get(0);
        assertThat(container.path("resources").path("limits").path("nvidia.com/gpu").asInt()).isEqualTo(1);
        assertThat(gpu.environment(container)).containsEntry("CUEPOINT_DEVICE", "gpu");
        assertThat(Manifests.stream(analyzer.path("spec").path("template").path("spec").path("tolerations")))
                .anyMatch(t -> t.path("key").asText().equals("nvidia.com/gpu"));

        var cpu = Manifests.render("cpu");
        for (JsonNode deployment : cpu.ofKind("Deployment")) {
            assertThat(deployment.toString()).as(Manifests.name(deployment)).doesNotContain("nvidia.com/gpu");
        }
        assertThat(cpu.environment(Manifests.containers(cpu.named("Deployment", "cuepoint-analyzer")).get(0)))
                .containsEntry("CUEPOINT_DEVICE", "cpu");
        // Only the api and ingest in the GPU overlay stay off GPUs too.
        for (String role : List.of("cuepoint-api", "cuepoint-ingest")) {
            assertThat(gpu.named("Deployment", role).toString()).as(role).doesNotContain("nvidia.com/gpu");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void credentialsComeFromTheSecretAndNoSecretIsShipped(String overlay) throws Exception {
        var manifests = Manifests.render(overlay);
        assertThat(manifests.ofKind("Secret")).as("a Secret with real values must not live in the repository").isEmpty();
        JsonNode api = Manifests.containers(manifests.named("Deployment", "cuepoint-api")).get(0);
        for (String name : List.of("DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_USERNAME",
                "DATASOURCES_DEFAULT_PASSWORD", "CUEPOINT_API_KEYS", "CUEPOINT_AUTH_JWT_SECRET")) {
            assertThat(Manifests.stream(api.path("env")))
                    .as("%s of the api comes from Secret cuepoint-secrets", name)
                    .anyMatch(e -> e.path("name").asText().equals(name)
                            && e.path("valueFrom").path("secretKeyRef").path("name").asText().equals("cuepoint-secrets"));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void apiAndIngestShareTheMediaVolumeAtTheMediaDirectory(String overlay) throws Exception {
        var manifests = Manifests.render(overlay);
        JsonNode api = manifests.named("Deployment", "cuepoint-api");
        String mediaDir = manifests.environment(Manifests.containers(api).get(0)).get("CUEPOINT_MEDIA_DIR");
        assertThat(mediaDir).isNotBlank();
        String claim = null;
        for (String role : List.of("cuepoint-api", "cuepoint-ingest")) {
            JsonNode deployment = manifests.named("Deployment", role);
            JsonNode mount = Manifests.stream(Manifests.containers(deployment).get(0).path("volumeMounts"))
                    .filter(m -> m.path("mountPath").asText().equals(mediaDir)).findFirst()
                    .orElseThrow(() -> new AssertionError(role + " mounts nothing at " + mediaDir));
            JsonNode volume = Manifests.stream(deployment.path("spec").path("template").path("spec").path("volumes"))
                    .filter(v -> v.path("name").asText().equals(mount.path("name").asText())).findFirst().orElseThrow();
            String thisClaim = volume.path("persistentVolumeClaim").path("claimName").asText();
            assertThat(thisClaim).as(role + " media volume").isNotBlank();
            assertThat(claim == null ? thisClaim : claim).isEqualTo(thisClaim);
            claim = thisClaim;
        }
        assertThat(Manifests.stream(manifests.named("PersistentVolumeClaim", claim).path("spec").path("accessModes")))
                .extracting(JsonNode::asText).contains("ReadWriteMany");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void networkPoliciesDenyByDefaultAndOpenOnlyHttpAndMonitoring(String overlay) throws Exception {
        var policies = Manifests.render(overlay).ofKind("NetworkPolicy");
        assertThat(policies).as("a policy selecting every Cuepoint pod, for ingress and egress, allowing nothing")
                .anyMatch(p -> p.path("spec").path("ingress").isMissingNode() && p.path("spec").path("egress").isMissingNode()
                        && p.path("spec").path("policyTypes").toString().contains("Ingress")
                        && p.path("spec").path("podSelector").path("matchLabels").size() == 1);
        for (JsonNode policy : policies) {
            for (JsonNode rule : Manifests.stream(policy.path("spec").path("ingress")).toList()) {
                boolean management = rule.path("ports").toString().contains(Integer.toString(MANAGEMENT_PORT));
                if (management) {
                    assertThat(rule.path("from").toString()).as(Manifests.name(policy))
                            .contains("\"kubernetes.io/metadata.name\":\"monitoring\"");
                } else {
                    assertThat(rule.path("ports").toString()).as(Manifests.name(policy) + " opens only the api's 8080")
                            .contains("8080");
                    assertThat(policy.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/component")
                            .asText()).isEqualTo("api");
                }
            }
        }
    }
}
