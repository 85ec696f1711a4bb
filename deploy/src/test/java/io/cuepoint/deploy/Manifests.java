package io.cuepoint.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Kustomize overlay rendered by {@code kubectl kustomize}, as the API objects {@code kubectl apply -k} would
 * send. kubectl is required: a missing one fails the test with how to get it, it never skips the checks.
 */
record Manifests(String overlay, List<JsonNode> objects) {
    static final Path OVERLAYS = Repository.path("deploy/k8s/overlays");
    private static final String INSTALL_KUBECTL = "kubectl is needed to render the Kustomize overlays. Install it: "
            + "Debian/Ubuntu `apt-get install kubectl` (from https://pkgs.k8s.io, see "
            + "https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/), macOS `brew install kubectl`, or "
            + "download the binary: curl -LO https://dl.k8s.io/release/v1.32.4/bin/linux/amd64/kubectl && "
            + "install -m 0755 kubectl /usr/local/bin/kubectl";

    /** The overlays under deploy/k8s/overlays, by folder name. */
    static List<String> overlays() throws IOException {
        try (Stream<Path> list = Files.list(OVERLAYS)) {
            return list.filter(p -> Files.isRegularFile(p.resolve("kustomization.yaml")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static Manifests render(String overlay) throws IOException, InterruptedException {
        Path dir = OVERLAYS.resolve(overlay);
        Path errors = Files.createTempFile("kustomize", ".err");
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError(INSTALL_KUBECTL + " (" + e.getMessage() + ")", e);
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("kubectl kustomize " + Repository.relative(dir) + " failed: "
                    + Files.readString(errors));
        }
        Files.deleteIfExists(errors);
        try (var values = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(new String(out, StandardCharsets.UTF_8))) {
            List<JsonNode> objects = values.readAll().stream().map(JsonNode.class::cast)
                    .filter(n -> n != null && !n.isNull() && !n.isMissingNode()).toList();
            return new Manifests(overlay, objects);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst()
                .orElseThrow(() -> new AssertionError("overlay " + overlay + " has no " + kind + " " + name));
    }

    /** A Strimzi KafkaTopic by the Kafka topic's name (spec.topicName, else metadata.name). */
    JsonNode topic(String topicName) {
        return ofKind("KafkaTopic").stream()
                .filter(t -> topicName.equals(t.path("spec").path("topicName").asText(name(t))))
                .findFirst().orElseThrow(() -> new AssertionError("overlay " + overlay + " has no KafkaTopic for "
                        + topicName));
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** Containers and init containers of a Deployment's pod template. */
    static List<JsonNode> containers(JsonNode deployment) {
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        return Stream.concat(stream(pod.path("initContainers")), stream(pod.path("containers"))).toList();
    }

    /**
     * What a container's process sees in its environment: the ConfigMaps it imports, then its own {@code env}
     * (which wins). Values from Secrets or fields read as {@code <from secret KEY>}.
     */
    Map<String, String> environment(JsonNode container) {
        var env = new LinkedHashMap<String, String>();
        stream(container.path("envFrom")).forEach(from -> {
            if (from.has("configMapRef")) {
                named("ConfigMap", from.path("configMapRef").path("name").asText()).path("data").fields()
                        .forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
            }
        });
        stream(container.path("env")).forEach(e -> env.put(e.path("name").asText(), e.has("valueFrom")
                ? "<from " + e.path("valueFrom").path("secretKeyRef").path("key").asText("a reference") + ">"
                : e.path("value").asText()));
        return env;
    }

    /** Every variable a Deployment sets, with where: its own env, or a ConfigMap it imports (named by key). */
    List<Setting> settings() {
        var settings = new ArrayList<Setting>();
        for (JsonNode deployment : ofKind("Deployment")) {
            for (JsonNode container : containers(deployment)) {
                String where = "deploy/k8s/overlays/" + overlay + " Deployment " + name(deployment) + " container "
                        + container.path("name").asText();
                stream(container.path("env")).forEach(e -> settings.add(new Setting(e.path("name").asText(), where)));
                stream(container.path("envFrom")).forEach(from -> {
                    if (from.has("configMapRef")) {
                        String map = from.path("configMapRef").path("name").asText();
                        named("ConfigMap", map).path("data").fieldNames().forEachRemaining(
                                key -> settings.add(new Setting(key, where + " (envFrom ConfigMap " + map + ")")));
                    } else {
                        settings.add(new Setting("<every key of " + from + ">", where));
                    }
                });
            }
        }
        return settings;
    }

    static Stream<JsonNode> stream(JsonNode array) {
        return array.isArray() ? java.util.stream.StreamSupport.stream(array.spliterator(), false) : Stream.empty();
    }
}
