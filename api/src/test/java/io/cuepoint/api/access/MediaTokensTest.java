package io.cuepoint.api.access;

import io.cuepoint.api.config.AuthConfig;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class MediaTokensTest {
    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final Principal FACULTY = new Principal("t-1", "user:u-1", Role.FACULTY, Role.FACULTY.scopes(),
            java.util.Set.of("c-1"), false);

    @Test
    void aTokenOpensItsVideoWithReadScopeOnlyUntilItExpires() {
        var key = key("a secret of at least thirty-two bytes!!");
        String token = new MediaTokens(key, at(NOW)).issue(FACULTY, "v-1", Duration.ofMinutes(10));

        var principal = new MediaTokens(key, at(NOW.plusSeconds(599))).verify(token, "v-1").orElseThrow();
        assertThat(principal.tenantId()).isEqualTo("t-1");
        assertThat(principal.actor()).isEqualTo("user:u-1");
        assertThat(principal.scopes()).containsExactly(Scope.EVENTS_READ);
        assertThat(principal.operator()).isFalse();
        assertThat(new MediaTokens(key, at(NOW)).expiry(token)).isEqualTo(NOW.plusSeconds(600));

        assertThat(new MediaTokens(key, at(NOW.plusSeconds(600))).verify(token, "v-1")).isEmpty();
        assertThat(new MediaTokens(key, at(NOW)).verify(token, "v-2")).isEmpty();
        assertThat(new MediaTokens(key("another secret of at least thirty-two bytes"), at(NOW)).verify(token, "v-1"))
                .isEmpty();
    }

    @Test
    void anAlteredOrMalformedTokenIsRefused() {
        var tokens = new MediaTokens(key("a secret of at least thirty-two bytes!!"), at(NOW));
        String token = tokens.issue(FACULTY, "v-1", Duration.ofMinutes(10));
        String payload = token.substring(0, token.indexOf('.'));
        String mac = token.substring(token.indexOf('.') + 1);
        // Another tenant in the payload with the original MAC.
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v-1|t-2|user:u-1|faculty|" + NOW.plusSeconds(600).getEpochSecond()).getBytes());
        assertThat(tokens.verify(forged + "." + mac, "v-1")).isEmpty();
        assertThat(tokens.verify(payload + "." + mac.substring(1), "v-1")).isEmpty();
        assertThat(tokens.verify("nonsense", "v-1")).isEmpty();
        assertThat(tokens.verify("%%%.%%%", "v-1")).isEmpty();
    }

    private static SigningKey key(String secret) {
        return new SigningKey(new AuthConfig(secret, Duration.ofHours(8), Duration.ofHours(1), 50, 100, 30,
                Duration.ofSeconds(5)));
    }

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }
}
