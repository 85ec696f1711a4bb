package io.cuepoint.api.security;

import com.sun.net.httpserver.HttpServer;
import io.cuepoint.api.egress.LocalHttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.IntStream;

import static io.cuepoint.api.egress.LocalHttpServer.respond;

/**
 * What an attacker aims a URL at: a real server on loopback that must never be contacted, and a redirecting
 * server on {@link #ALLOWED} (the one address the test allows) that sends the fetch on to internal addresses.
 */
final class InternalServers implements AutoCloseable {
    static final String ALLOWED = "127.0.0.2";

    private final LocalHttpServer loopback = new LocalHttpServer();
    private final HttpServer redirector;
    private final List<String> internalTargets;

    InternalServers() {
        loopback.on("/", exchange -> respond(exchange, 200, "internal bytes".getBytes()));
        int port = loopback.port();
        internalTargets = List.of(loopback.url("/v.mp4"), "http://localhost:" + port + "/v.mp4",
                "http://[::1]:" + port + "/v.mp4", "http://0.0.0.0:" + port + "/v.mp4", "http://10.0.0.1/v.mp4",
                "http://192.168.1.1/v.mp4", "http://172.16.0.1/v.mp4", "http://169.254.169.254/latest/meta-data/",
                "http://[fd00:ec2::254]/latest/meta-data/", "http://[::ffff:127.0.0.1]:" + port + "/v.mp4");
        try {
            redirector = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ALLOWED), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        redirector.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/ok.mp4")) {
                    respond(exchange, 200, "a video from an allowed address".getBytes());
                    return;
                }
                if (path.equals("/to/ok")) {
                    exchange.getResponseHeaders().add("Location", base() + "/ok.mp4");
                    exchange.sendResponseHeaders(302, -1);
                    return;
                }
                int i = Integer.parseInt(path.substring("/to/".length()));
                exchange.getResponseHeaders().add("Location", internalTargets.get(i));
                exchange.sendResponseHeaders(302, -1);
            }
        });
        redirector.start();
    }

    /** Internal addresses written straight into the URL. */
    List<String> direct() {
        return internalTargets;
    }

    /** URLs on the allowed server that redirect to each internal address. */
    List<String> redirects() {
        return IntStream.range(0, internalTargets.size()).mapToObj(i -> base() + "/to/" + i).toList();
    }

    /** A URL on the allowed server that redirects to another of its own. */
    String allowedRedirect() {
        return base() + "/to/ok";
    }

    /** Requests the loopback server received: must stay empty. */
    List<LocalHttpServer.Received> contacted() {
        return loopback.received();
    }

    private String base() {
        return "http://" + ALLOWED + ":" + redirector.getAddress().getPort();
    }

    @Override
    public void close() {
        loopback.close();
        redirector.stop(0);
    }
}
