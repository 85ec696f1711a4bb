package io.cuepoint.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sign-in, tokens, caching and rate limits; keys under {@code cuepoint.auth.*} (environment
 * {@code CUEPOINT_AUTH_*}).
 *
 * @param jwtSecret             {@code jwt-secret}: the HMAC key (at least 32 bytes, UTF-8) that signs sign-in tokens
 *                              and media links. Every api replica must share it. Unset: a random one per process,
 *                              so tokens do not survive a restart (logged as a warning); {@code cuepoint serve}
 *                              keeps one in its data directory.
 * @param tokenTtl              {@code token-ttl}: how long a sign-in token is valid; default 8h
 * @param mediaLinkTtl          {@code media-link-ttl}: how long a media link ({@code ?access=}) is valid; default 1h
 * @param rateLimitPerSecond    {@code rate-limit-per-second}: requests per second each key, user or operator key
 *                              may make on average; default 50
 * @param rateLimitBurst        {@code rate-limit-burst}: requests it may make at once before the average applies;
 *                              default 100
 * @param loginAttemptsPerMinute {@code login-attempts-per-minute}: sign-in attempts per minute from one remote
 *                              address (also the burst); default 30
 * @param cacheTtl              {@code cache-ttl}: how long a looked-up key or user is reused before it is read again;
 *                              default 5s. Revoking a key or disabling a user takes effect at once on the replica
 *                              that did it, within this time on the others.
 */
@ConfigurationProperties("cuepoint.auth")
public record AuthConfig(
        @Nullable String jwtSecret,
        @Bindable(defaultValue = "8h") Duration tokenTtl,
        @Bindable(defaultValue = "1h") Duration mediaLinkTtl,
        @Bindable(defaultValue = "50") double rateLimitPerSecond,
        @Bindable(defaultValue = "100") int rateLimitBurst,
        @Bindable(defaultValue = "30") int loginAttemptsPerMinute,
        @Bindable(defaultValue = "5s") Duration cacheTtl) {
    /** The shortest accepted secret: HS256 needs a key at least as long as its 256-bit hash. */
    public static final int MIN_SECRET_BYTES = 32;

    public AuthConfig {
        if (jwtSecret != null && jwtSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new ConfigurationException("cuepoint.auth.jwt-secret (CUEPOINT_AUTH_JWT_SECRET) must be at least "
                    + MIN_SECRET_BYTES + " bytes, got " + jwtSecret.getBytes(StandardCharsets.UTF_8).length
                    + "; generate one with: openssl rand -hex 32");
        }
        positive("token-ttl", tokenTtl);
        positive("media-link-ttl", mediaLinkTtl);
        if (cacheTtl.isNegative()) {
            throw new ConfigurationException("cuepoint.auth.cache-ttl must not be negative, got " + cacheTtl);
        }
        if (!(rateLimitPerSecond > 0)) {
            throw new ConfigurationException("cuepoint.auth.rate-limit-per-second must be above 0, got "
                    + rateLimitPerSecond);
        }
        if (rateLimitBurst < 1) {
            throw new ConfigurationException("cuepoint.auth.rate-limit-burst must be at least 1, got " + rateLimitBurst);
        }
        if (loginAttemptsPerMinute < 1) {
            throw new ConfigurationException("cuepoint.auth.login-attempts-per-minute must be at least 1, got "
                    + loginAttemptsPerMinute);
        }
    }

    private static void positive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new ConfigurationException("cuepoint.auth." + key + " must be above 0, got " + d);
        }
    }

    @Override
    public String toString() {
        // Never log the secret itself.
        return "AuthConfig[jwtSecret=" + (jwtSecret == null ? "random per process" : "set") + ", tokenTtl=" + tokenTtl
                + ", mediaLinkTtl=" + mediaLinkTtl + ", rateLimitPerSecond=" + rateLimitPerSecond
                + ", rateLimitBurst=" + rateLimitBurst + ", loginAttemptsPerMinute=" + loginAttemptsPerMinute
                + ", cacheTtl=" + cacheTtl + "]";
    }
}
