package io.cuepoint.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.analyzer.AnalyzerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.ConfigProto;

/** Model configuration keys and the device choice (no GPU here: the GPU path is tested by configuration). */
class ModelConfigTest {
    @TempDir
    Path temp;

    @Test
    void defaultsLiveUnderTheUsersCuepointFolder() {
        var config = ModelConfig.defaults();
        var home = Path.of(System.getProperty("user.home"), ".cuepoint");
        assertThat(config.modelsDir()).isEqualTo(home.resolve("models/human-models-3.0.4"));
        assertThat(config.cacheDir()).isEqualTo(home.resolve("models/saved"));
        assertThat(config.nativeCache()).isEqualTo(home.resolve("native"));
        assertThat(config.device()).isEqualTo(ModelConfig.Device.AUTO);
        assertThat(config.intraOpThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.interOpThreads()).isBetween(1, 2);
        assertThat(config.overrides()).isEmpty();
    }

    @Test
    void keysOverrideTheDefaults() throws IOException {
        var own = Files.createDirectories(temp.resolve("own"));
        Files.writeString(own.resolve("saved_model.pb"), "");
        var config = ModelConfig.fromEnvironment(Map.of(ModelConfig.MODELS_DIR, "~/m", ModelConfig.DEVICE, " CPU ",
                ModelConfig.THREADS, "6", ModelConfig.INTEROP_THREADS, "3", "CUEPOINT_MODEL_MOVENET_THUNDER", own.toString(),
                ModelConfig.MODEL_CACHE, temp.resolve("c").toString()));
        assertThat(config.modelsDir()).isEqualTo(Path.of(System.getProperty("user.home"), "m"));
        assertThat(config.device()).isEqualTo(ModelConfig.Device.CPU);
        assertThat(config.intraOpThreads()).isEqualTo(6);
        assertThat(config.interOpThreads()).isEqualTo(3);
        assertThat(config.overrideFor("movenet-thunder")).isEqualTo(own);
        assertThat(config.overrideFor("cache")).isNull();
        assertThat(config.describe()).contains("device cpu", "6 intra-op / 3 inter-op", "movenet-thunder");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> ModelConfig.fromEnvironment(Map.of(ModelConfig.DEVICE, "tpu")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_DEVICE=tpu");
        assertThatThrownBy(() -> ModelConfig.fromEnvironment(Map.of(ModelConfig.THREADS, "0")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_TF_THREADS=0");
        assertThatThrownBy(() -> ModelConfig.fromEnvironment(Map.of(ModelConfig.INTEROP_THREADS, "two")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_TF_INTEROP_THREADS=two");
        assertThatThrownBy(() -> ModelConfig.fromEnvironment(Map.of("CUEPOINT_MODEL_CENTERNET", temp.toString())))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_MODEL_CENTERNET")
                .hasMessageContaining("saved_model.pb");
    }

    @Test
    void autoUsesTheGpuOnlyWhenTensorFlowSeesOne() {
        var auto = ModelConfig.defaults();
        var cpu = TfSessionOptions.resolve(auto, false);
        assertThat(cpu.gpu()).isFalse();
        assertThat(cpu.device().isGpu()).isFalse();
        assertThat(cpu.configProto().getDeviceCountMap()).containsEntry("GPU", 0);

        var gpu = TfSessionOptions.resolve(auto, true);
        assertThat(gpu.gpu()).isTrue();
        assertThat(gpu.device().isGpu()).isTrue();
        ConfigProto proto = gpu.configProto();
        assertThat(proto.getGpuOptions().getAllowGrowth()).isTrue();
        assertThat(proto.getGpuOptions().getVisibleDeviceList()).isEqualTo("0");
        assertThat(proto.getAllowSoftPlacement()).isTrue();
        assertThat(proto.getDeviceCountMap()).doesNotContainKey("GPU");
        assertThat(proto.getIntraOpParallelismThreads()).isEqualTo(auto.intraOpThreads());
        assertThat(proto.getInterOpParallelismThreads()).isEqualTo(auto.interOpThreads());
    }

    @Test
    void cpuIsCpuEvenWithAGpu() {
        var config = ModelConfig.fromEnvironment(Map.of(ModelConfig.DEVICE, "cpu"));
        assertThat(TfSessionOptions.resolve(config, true).gpu()).isFalse();
    }

    @Test
    void gpuWithoutAGpuIsAClearError() {
        var config = ModelConfig.fromEnvironment(Map.of(ModelConfig.DEVICE, "gpu"));
        assertThatThrownBy(() -> TfSessionOptions.resolve(config, false)).isInstanceOf(AnalyzerException.class)
                .hasMessageContaining("CUEPOINT_DEVICE=gpu").hasMessageContaining("no GPU");
        assertThat(TfSessionOptions.resolve(config, true).gpu()).isTrue();
    }

    @Test
    void onThisMachineAutoResolvesToWhatTheEngineReports() {
        // The real engine: on a machine without a GPU (the build machines) auto means CPU; where a GPU is
        // present, the GPU. The repository starts the engine (natives first), so ask it first.
        boolean usesGpu = TestModels.repository().usesGpu();
        assertThat(usesGpu).isEqualTo(ai.djl.engine.Engine.getEngine("TensorFlow").hasCapability("CUDA"));
    }
}
