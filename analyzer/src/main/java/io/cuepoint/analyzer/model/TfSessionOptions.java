package io.cuepoint.analyzer.model;

import ai.djl.Device;
import io.cuepoint.analyzer.AnalyzerException;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * The device and thread pools a TensorFlow session runs with, resolved from {@link ModelConfig} and what
 * the engine reports about the machine.
 *
 * @param gpu            whether the session places ops on the first GPU
 * @param intraOpThreads threads one op may use
 * @param interOpThreads ops run side by side
 */
record TfSessionOptions(boolean gpu, int intraOpThreads, int interOpThreads) {

    /**
     * @param gpuPresent whether TensorFlow sees a GPU on this machine
     * @throws AnalyzerException when the configuration asks for a GPU and there is none
     */
    static TfSessionOptions resolve(ModelConfig config, boolean gpuPresent) {
        boolean gpu = switch (config.device()) {
            case CPU -> false;
            case AUTO -> gpuPresent;
            case GPU -> {
                if (!gpuPresent) {
                    throw new AnalyzerException(ModelConfig.DEVICE + "=gpu, but TensorFlow sees no GPU on this "
                            + "machine (needs an NVIDIA driver for CUDA 12.1); use auto or cpu");
                }
                yield true;
            }
        };
        return new TfSessionOptions(gpu, config.intraOpThreads(), config.interOpThreads());
    }

    /** The DJL device models load onto. */
    Device device() {
        return gpu ? Device.gpu() : Device.cpu();
    }

    /** What TensorFlow's session is created with ({@code TfModel} takes it as the "ConfigProto" option). */
    ConfigProto configProto() {
        var config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOpThreads)
                .setInterOpParallelismThreads(interOpThreads);
        if (gpu) {
            // Grow GPU memory on demand: several models share one GPU, and TensorFlow would otherwise
            // reserve nearly all of it for the first. Ops without a GPU kernel fall back to the CPU.
            config.setGpuOptions(GPUOptions.newBuilder().setVisibleDeviceList("0").setAllowGrowth(true))
                    .setAllowSoftPlacement(true);
        } else {
            // Hide GPUs so that a CPU choice holds even on a machine that has one.
            config.putDeviceCount("GPU", 0);
        }
        return config.build();
    }

    String describe() {
        return (gpu ? "GPU 0" : "CPU") + ", " + intraOpThreads + " intra-op / " + interOpThreads + " inter-op threads";
    }
}
