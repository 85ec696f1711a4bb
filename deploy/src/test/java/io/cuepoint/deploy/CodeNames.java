package io.cuepoint.deploy;

import io.cuepoint.analyzer.consume.AnalyzerWorker;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.worker.IngestWorker;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * Names the deployment files must repeat, read from the code itself (some are package-private there, hence the
 * reflection): topics, consumer groups, the TensorFlow native artifact, the worker-count settings of the roles.
 */
final class CodeNames {
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Z0-9_]+):-(\\d+)}");

    /** One scaled role: its Deployment, consumer group, topic and the variable that sets its workers per pod. */
    record ScaledRole(String deployment, String group, String topic, String workersVariable, int defaultWorkers) {
    }

    private CodeNames() {
    }

    /** Every topic name constant in {@link Topics}. */
    static List<String> topics() {
        var names = new ArrayList<String>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                names.add((String) constant(f));
            }
        }
        return names;
    }

    static List<ScaledRole> scaledRoles() {
        return List.of(
                role("cuepoint-ingest", IngestWorker.GROUP, Topics.JOBS,
                        "io.cuepoint.api.cli.IngestRoleCommand"),
                role("cuepoint-analyzer", AnalyzerWorker.GROUP,
                        Topics.FRAMES, "io.cuepoint.api.cli.AnalyzerRoleCommand"));
    }

    /** The Maven coordinates of the native jar that TensorFlowNatives looks for. */
    static String tensorFlowNativeArtifact() {
        return constant("io.cuepoint.analyzer.model.TensorFlowNatives", "ARTIFACT");
    }

    private static ScaledRole role(String deployment, String group, String topic, String command) {
        // picocli's default "${env:CUEPOINT_INGEST_WORKERS:-1}" names the variable and its default.
        try {
            Option option = Class.forName(command).getDeclaredField("workers").getAnnotation(Option.class);
            var m = ENV_DEFAULT.matcher(option.defaultValue());
            if (!m.matches()) {
                throw new IllegalStateException(command + ".workers default is not ${env:NAME:-N}: "
                        + option.defaultValue());
            }
            return new ScaledRole(deployment, group, topic, m.group(1), Integer.parseInt(m.group(2)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the --workers option of " + command, e);
        }
    }

    private static String constant(String className, String field) {
        try {
            return (String) constant(Class.forName(className).getDeclaredField(field));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + className + "." + field, e);
        }
    }

    private static Object constant(Field f) {
        try {
            f.setAccessible(true);
            return f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }
}
