package io.cuepoint.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The server-sent event stream of a video ({@code GET /api/v1/videos/{id}/stream}). Keys under
 * {@code cuepoint.stream.*} (environment {@code CUEPOINT_STREAM_*}). Streams poll PostgreSQL, so they work the same
 * behind any number of api replicas.
 *
 * @param pollMs      {@code poll-ms}: how often each open stream reads the video and its new events, in ms;
 *                    default 500 (10 to 60000)
 * @param maxStreams  {@code max-streams}: most streams open at once in this process; one more is refused with 503;
 *                    default 200 (1 to 100000)
 * @param heartbeatMs {@code heartbeat-ms}: after this long without anything to send, in ms, a comment line keeps
 *                    proxies from closing the connection; default 15000 (at least poll-ms)
 */
@ConfigurationProperties("cuepoint.stream")
public record StreamConfig(@Bindable(defaultValue = "500") long pollMs,
                           @Bindable(defaultValue = "200") int maxStreams,
                           @Bindable(defaultValue = "15000") long heartbeatMs) {
    public StreamConfig {
        if (pollMs < 10 || pollMs > 60_000) {
            throw new ConfigurationException("cuepoint.stream.poll-ms must be 10 to 60000 ms, got " + pollMs);
        }
        if (maxStreams < 1 || maxStreams > 100_000) {
            throw new ConfigurationException("cuepoint.stream.max-streams must be 1 to 100000, got " + maxStreams);
        }
        if (heartbeatMs < pollMs) {
            throw new ConfigurationException("cuepoint.stream.heartbeat-ms (" + heartbeatMs
                    + ") must be at least cuepoint.stream.poll-ms (" + pollMs + ")");
        }
    }
}
