package io.cuepoint.api.access;

import io.cuepoint.api.config.AuthConfig;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The HMAC key behind sign-in tokens and media links: {@code cuepoint.auth.jwt-secret}, or a random key for this
 * process when none is set (tokens then die with the process and other replicas refuse them).
 */
@Singleton
public final class SigningKey {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);

    private final byte[] key;

    public SigningKey(AuthConfig config) {
        if (config.jwtSecret() != null) {
            key = config.jwtSecret().getBytes(StandardCharsets.UTF_8);
        } else {
            key = new byte[AuthConfig.MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(key);
            LOG.warn("cuepoint.auth.jwt-secret is not set: using a random key, so sign-ins end when this process "
                    + "stops and other replicas refuse them");
        }
    }

    /** A copy of the key bytes. */
    byte[] bytes() {
        return key.clone();
    }
}
