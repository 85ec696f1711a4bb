package io.cuepoint.api.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management HTTP server: {@code GET /metrics} (Prometheus text format), {@code GET /health/live} and
 * {@code GET /health/ready} (200 or 503 with a JSON body). The JDK's server: it needs no framework, so
 * every role has it, including those without the api's Micronaut server.
 */
final class ManagementServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;

    private ManagementServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds every interface on {@code port} (0: any free port) and starts serving.
     *
     * @throws IllegalArgumentException naming {@value ManagementConfig#PORT} when the port is taken
     */
    static ManagementServer start(int port, Supplier<String> metrics, Readiness health) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (BindException e) {
            throw new IllegalArgumentException(ManagementConfig.PORT + ": cannot listen on port " + port + " ("
                    + e.getMessage() + "); choose a free port, 0 for any free port, or 'off'", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the management endpoints on port " + port + ": " + e, e);
        }
        // Two threads: a scrape and a probe may overlap, and a readiness check may wait up to its timeout.
        var executor = Executors.newFixedThreadPool(2, runnable -> {
            var thread = new Thread(runnable, "cuepoint-management");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> respond(exchange, 200, PrometheusExport.CONTENT_TYPE,
                metrics.get()));
        server.createContext("/health/live", exchange -> health(exchange, health.live()));
        server.createContext("/health/ready", exchange -> health(exchange, health.ready()));
        server.createContext("/", exchange -> respond(exchange, 404, "text/plain; charset=utf-8",
                "Not found: try /metrics, /health/live or /health/ready\n"));
        server.start();
        LOG.info("Management endpoints on port {}", server.getAddress().getPort());
        return new ManagementServer(server, executor);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void health(HttpExchange exchange, Health health) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", health.status());
        body.put("checks", health.checks());
        respond(exchange, health.up() ? 200 : 503, "application/json", JSON.writeValueAsString(body));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean exact = exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath());
            if (!method.equals("GET") && !method.equals("HEAD")) {
                status = 405;
                body = "Only GET and HEAD\n";
                contentType = "text/plain; charset=utf-8";
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            } else if (!exact && status != 404) {
                status = 404;
                body = "Not found\n";
                contentType = "text/plain; charset=utf-8";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
