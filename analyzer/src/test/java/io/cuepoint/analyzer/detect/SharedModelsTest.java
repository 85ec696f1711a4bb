package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.analyzer.AnalyzerException;
import io.cuepoint.analyzer.model.ModelConfig;
import io.cuepoint.analyzer.model.ModelRepository;
import io.cuepoint.analyzer.model.TestModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process-wide model sharing, on the real repository and models. */
class SharedModelsTest {

    @Test
    void loadsEachModelOnceForAllItsUsersAndClosesItAfterTheLast() {
        var shared = new SharedModels(TestModels.repository()::load);
        try (var first = shared.acquire(List.of("movenet-lightning", "emotion"))) {
            try (var second = shared.acquire(List.of("emotion"))) {
                assertThat(second.models().get("emotion")).isSameAs(first.models().get("emotion"));
                assertThat(shared.loadedCount()).isEqualTo(2);
            }
            assertThat(shared.loadedCount()).isEqualTo(2);
            // Still usable by the remaining user.
            try (var session = first.models().get("emotion").newSession()) {
                assertThat(session).isNotNull();
            }
        }
        assertThat(shared.loadedCount()).isZero();
    }

    @Test
    void aMissingModelFailsTheAcquisitionNamingItAndKeepsNothing(@TempDir Path empty) {
        var repository = new ModelRepository(ModelConfig.fromEnvironment(Map.of(ModelConfig.MODELS_DIR, empty.toString())));
        var shared = new SharedModels(repository::load);
        assertThatThrownBy(() -> shared.acquire(List.of("centernet"))).isInstanceOf(AnalyzerException.class)
                .hasMessageContaining("centernet").hasMessageContaining(ModelConfig.FETCH_COMMAND);
        assertThat(shared.loadedCount()).isZero();
    }
}
