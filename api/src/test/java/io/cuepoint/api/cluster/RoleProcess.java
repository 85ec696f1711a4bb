package io.cuepoint.api.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One role of the packaged program ({@code java -jar cuepoint.jar <role>}) started by
 * {@link ClusterHarness#startRole}: its own process, its own log file (stdout and stderr), its own
 * management port and, for the api, its own HTTP port.
 */
public final class RoleProcess implements AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final int managementPort;
    private final int apiPort;

    RoleProcess(String name, List<String> command, Map<String, String> env, Path log,
                int managementPort, int apiPort) {
        this.name = name;
        this.log = log;
        this.managementPort = managementPort;
        this.apiPort = apiPort;
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            this.process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start role " + name, e);
        }
    }

    /** The role and its number, e.g. {@code analyzer-2}. */
    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code; the process must have ended. */
    public int exitCode() {
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, nothing is committed. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(STOP_WAIT);
    }

    /** SIGTERM, then waits until the process ended (it finishes the record at hand and leaves its group). */
    public void stop() {
        process.destroy();
        if (!waitForExit(STOP_WAIT)) {
            process.destroyForcibly();
            waitForExit(STOP_WAIT);
            throw new AssertionError(name + " did not stop within " + STOP_WAIT + " of SIGTERM; killed. Log: "
                    + log);
        }
    }

    private boolean waitForExit(Duration max) {
        try {
            return process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Path log() {
        return log;
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the log contains {@code text}; fails at once, with the log's tail, if the process ends. */
    public void awaitLog(String text, Duration max) {
        await().alias(name + " logs '" + text + "' (log: " + log + ")").atMost(max).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (logText().contains(text)) {
                        return true;
                    }
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited with code " + process.exitValue()
                                + " before logging '" + text + "'; its log ends:\n" + tail(40));
                    }
                    return false;
                });
    }

    /** The last {@code lines} lines of the log, for failure messages. */
    public String tail(int lines) {
        var all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    public int managementPort() {
        return managementPort;
    }

    /** {@code GET /metrics} on the management port (Prometheus text). */
    public String metrics() {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " /metrics answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " /metrics on port " + managementPort + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The api's HTTP port; only for an api role. */
    public int apiPort() {
        if (apiPort <= 0) {
            throw new IllegalStateException(name + " is not an api role");
        }
        return apiPort;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit(STOP_WAIT);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }
}
