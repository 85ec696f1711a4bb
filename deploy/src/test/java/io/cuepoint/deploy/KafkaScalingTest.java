package io.cuepoint.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** KEDA scales on the consumer groups and topics the code uses, never past the topic's partitions. */
class KafkaScalingTest {
    static List<String> overlays() throws Exception {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kedaTriggersNameTheCodesGroupsAndTopicsAndStayWithinPartitions(String overlay) throws Exception {
        var manifests = Manifests.render(overlay);
        String bootstrap = manifests.named("ConfigMap", "cuepoint-config").path("data")
                .path("CUEPOINT_KAFKA_BOOTSTRAP_SERVERS").asText();
        for (var role : CodeNames.scaledRoles()) {
            JsonNode scaled = manifests.ofKind("ScaledObject").stream()
                    .filter(s -> s.path("spec").path("scaleTargetRef").path("name").asText().equals(role.deployment()))
                    .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no ScaledObject for " + role.deployment()));
            var triggers = Manifests.stream(scaled.path("spec").path("triggers")).toList();
            assertThat(triggers).as(role.deployment()).isNotEmpty()
                    .allMatch(t -> t.path("type").asText().equals("kafka"));
            for (JsonNode trigger : triggers) {
                JsonNode meta = trigger.path("metadata");
                assertThat(meta.path("consumerGroup").asText()).as(role.deployment() + " group").isEqualTo(role.group());
                assertThat(meta.path("topic").asText()).as(role.deployment() + " topic").isEqualTo(role.topic());
                assertThat(meta.path("bootstrapServers").asText()).as("the brokers the roles use").isEqualTo(bootstrap);
                assertThat(meta.path("lagThreshold").asText()).isNotBlank();
            }

            int min = scaled.path("spec").path("minReplicaCount").asInt(-1);
            int max = scaled.path("spec").path("maxReplicaCount").asInt(-1);
            assertThat(min).as(role.deployment() + " minReplicaCount").isBetween(0, max);
            JsonNode container = Manifests.containers(manifests.named("Deployment", role.deployment())).get(0);
            String workers = manifests.environment(container).get(role.workersVariable());
            int perPod = workers == null ? role.defaultWorkers() : Integer.parseInt(workers);
            int partitions = manifests.topic(role.topic()).path("spec").path("partitions").asInt();
            assertThat(max * perPod)
                    .as("%s: maxReplicaCount %d x %s %d consumers must fit the %d partitions of %s", role.deployment(),
                            max, role.workersVariable(), perPod, partitions, role.topic())
                    .isPositive().isLessThanOrEqualTo(partitions);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheCodeUsesIsAReplicatedKafkaTopic(String overlay) throws Exception {
        var manifests = Manifests.render(overlay);
        assertThat(CodeNames.topics()).hasSizeGreaterThanOrEqualTo(5);
        for (String topic : CodeNames.topics()) {
            JsonNode spec = manifests.topic(topic).path("spec");
            assertThat(spec.path("replicas").asInt()).as(topic + " replicas").isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(topic + " min.insync.replicas")
                    .isEqualTo(2);
            assertThat(spec.path("partitions").asInt()).as(topic + " partitions").isPositive();
        }
        assertThat(manifests.ofKind("KafkaTopic")).hasSameSizeAs(CodeNames.topics())
                .allMatch(t -> t.path("metadata").path("labels").path("strimzi.io/cluster").asText().equals("cuepoint"));
        // A role creates a missing frames topic with CUEPOINT_FRAME_PARTITIONS partitions: both must agree.
        String frames = CodeNames.scaledRoles().get(1).topic();
        assertThat(manifests.named("ConfigMap", "cuepoint-config").path("data").path("CUEPOINT_FRAME_PARTITIONS").asInt())
                .isEqualTo(manifests.topic(frames).path("spec").path("partitions").asInt());
    }
}
