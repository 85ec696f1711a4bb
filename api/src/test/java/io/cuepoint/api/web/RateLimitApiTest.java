package io.cuepoint.api.web;

import io.cuepoint.api.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.cuepoint.api.web.Http.problem;
import static io.cuepoint.api.web.Http.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/** Token buckets per actor and, for sign-ins, per remote address; refilled so slowly here that none comes back. */
@MicronautTest
class RateLimitApiTest extends HttpApiTestBase {
    private static final int BURST = 5;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cuepoint.auth.rate-limit-burst", Integer.toString(BURST),
                "cuepoint.auth.rate-limit-per-second", "0.001",
                "cuepoint.auth.login-attempts-per-minute", "3");
    }

    @Test
    void anActorGets429WithRetryAfterOnceItsBurstIsSpentAndOthersAreUnaffected() {
        for (int i = 0; i < BURST; i++) {
            assertThat(client.exchange(withKey(HttpRequest.GET("/api/v1/videos")), String.class).code()).isEqualTo(200);
        }
        var limited = problem(client, withKey(HttpRequest.GET("/api/v1/videos")), 429);
        assertThat(limited.get("detail")).asString().contains("rate limit exceeded for operator:0");
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> client.exchange(withKey(HttpRequest.GET("/api/v1/videos")), String.class));
        assertThat(Long.parseLong(e.getResponse().header("Retry-After"))).isPositive();

        // The other operator key is another actor with its own bucket.
        assertThat(client.exchange(HttpRequest.GET("/api/v1/videos").header("X-API-Key", OTHER_KEY), String.class)
                .code()).isEqualTo(200);
    }

    @Test
    void signInAttemptsAreLimitedPerAddress() {
        var attempt = HttpRequest.POST("/api/v1/auth/login", Map.of("email", "x@example.test", "password", "nope"));
        for (int i = 0; i < 3; i++) {
            problem(client, attempt, 401);
        }
        problem(client, attempt, 429);
    }
}
