package io.cuepoint.api.egress;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.config.EgressConfig;
import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The api's one way to make outbound HTTP requests on a client's behalf. Every request and every redirect target
 * passes the {@link EgressGuard}; connections only go to addresses it allowed ({@link GuardedDnsResolver}); only
 * http and https; no proxies, cookies, automatic retries or automatic redirects; connect and read timeouts and a
 * deadline for the whole exchange, body included.
 */
@Singleton
public final class EgressClient {
    private final EgressGuard guard;
    private final EgressConfig config;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;

    /** Reads the body of the final (2xx) response; called at most once per request. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(URI uri, ClassicHttpResponse response) throws IOException;
    }

    /** What a POST got back: the status code and reason phrase. */
    public record Answer(int status, String reason) {
        public boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    public EgressClient(EgressGuard guard, EgressConfig config) {
        this.guard = guard;
        this.config = config;
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(guard))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.readTimeout())).build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(config.readTimeout()))
                        .build())
                // Each redirect target must pass the guard: redirects are followed here, not by the client.
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                // Bytes counted against the size limit are the bytes stored.
                .disableContentCompression()
                .setUserAgent("Cuepoint")
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "egress-deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * GETs a URL, following up to {@code cuepoint.egress.max-redirects} redirects, and hands the final 2xx response
     * to {@code reader}.
     *
     * @throws ApiException 400 when the URL or a redirect target is refused, 502 for an upstream error status or
     *                      an unreachable host, 504 past {@code deadline}; whatever {@code reader} throws
     */
    public <T> T get(URI uri, Duration deadline, BodyReader<T> reader) {
        long end = System.nanoTime() + deadline.toNanos();
        URI current = uri;
        URI previous = null;
        for (int redirects = 0; ; redirects++) {
            try {
                guard.checkUrl(current);
            } catch (ApiException refused) {
                throw previous == null ? refused : new ApiException(refused.status(), refused.getMessage() + " ("
                        + previous + " redirected to " + current + ")");
            }
            URI at = current;
            Object outcome = execute(new HttpGet(at), end, deadline, response -> {
                int code = response.getCode();
                Header location = response.getFirstHeader("Location");
                if (code >= 300 && code < 400 && location != null) {
                    return new Redirect(location.getValue());
                }
                if (code < 200 || code >= 300) {
                    throw new ApiException(HttpStatus.BAD_GATEWAY, at + " answered " + code
                            + (response.getReasonPhrase() == null ? "" : " " + response.getReasonPhrase()));
                }
                return new Done<>(reader.read(at, response));
            });
            if (outcome instanceof Done<?> done) {
                @SuppressWarnings("unchecked")
                T value = (T) done.value();
                return value;
            }
            if (redirects >= config.maxRedirects()) {
                throw new ApiException(HttpStatus.BAD_GATEWAY, uri + " redirects more than " + config.maxRedirects()
                        + " times (cuepoint.egress.max-redirects)");
            }
            previous = at;
            current = next(at, ((Redirect) outcome).location());
        }
    }

    /** POSTs a JSON body without following redirects; any answer, error statuses included, is returned. */
    public Answer post(URI uri, Map<String, String> headers, String json, Duration deadline) {
        guard.checkUrl(uri);
        var post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return execute(post, System.nanoTime() + deadline.toNanos(), deadline,
                response -> new Answer(response.getCode(), response.getReasonPhrase()));
    }

    private static URI next(URI from, String location) {
        try {
            return from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, from + " redirected to an invalid URL: " + location);
        }
    }

    private <T> T execute(HttpUriRequestBase request, long end, Duration total, HttpClientResponseHandler<T> handler) {
        long remaining = end - System.nanoTime();
        if (remaining <= 0) {
            throw timeout(request, total, null);
        }
        var expired = new AtomicBoolean();
        // Timeouts bound each wait; this bounds the whole exchange, a slowly trickling body included.
        ScheduledFuture<?> timer = deadlines.schedule(() -> {
            expired.set(true);
            request.cancel();
        }, remaining, TimeUnit.NANOSECONDS);
        try {
            return client.execute(request, handler);
        } catch (IOException | RuntimeException e) {
            if (expired.get()) {
                throw timeout(request, total, e);
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof GuardedDnsResolver.RefusedHostException refused) {
                    throw refused.refusal();
                }
            }
            if (e instanceof ApiException api) {
                throw api;
            }
            throw new ApiException(HttpStatus.BAD_GATEWAY, "cannot fetch " + request.getRequestUri() + " from "
                    + EgressGuard.host(uriOf(request)) + ": " + e, e);
        } finally {
            timer.cancel(false);
        }
    }

    private static ApiException timeout(HttpUriRequestBase request, Duration total, Throwable cause) {
        return new ApiException(HttpStatus.GATEWAY_TIMEOUT, uriOf(request) + " did not answer completely within "
                + (total.toMillis() < 10_000 ? total.toMillis() + " ms" : total.toSeconds() + " s"), cause);
    }

    private static URI uriOf(HttpUriRequestBase request) {
        try {
            return request.getUri();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("a request built from a URI has one", e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    private record Redirect(String location) {
    }

    private record Done<T>(T value) {
    }
}
