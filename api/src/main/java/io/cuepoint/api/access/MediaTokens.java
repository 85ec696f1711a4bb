package io.cuepoint.api.access;

import io.cuepoint.api.config.AuthConfig;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Short-lived links to one video's media, for a {@code <video src>} that cannot send headers: the token is
 * {@code base64url(videoId|tenant|actor|role|expiry)} and an HMAC-SHA256 over it with the JWT secret. It grants
 * events:read on that one video only; the authentication filter accepts it on {@code GET .../media} and nowhere
 * else.
 */
@Singleton
public final class MediaTokens {
    /** Keeps these MACs apart from any other use of the same secret. */
    private static final String CONTEXT = "cuepoint-media-v1\n";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Clock clock;

    public MediaTokens(SigningKey key) {
        this(key, Clock.systemUTC());
    }

    MediaTokens(SigningKey key, Clock clock) {
        this.key = new SecretKeySpec(key.bytes(), "HmacSHA256");
        this.clock = clock;
    }

    /** A token for {@code videoId} acting as {@code p}, valid for {@code ttl}. */
    public String issue(Principal p, String videoId, Duration ttl) {
        long expiry = clock.instant().plus(ttl).getEpochSecond();
        String payload = String.join("|", videoId, p.tenantId(), p.actor(), p.role().wireName(), Long.toString(expiry));
        return B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(mac(payload));
    }

    /** When a token expires: for the link's {@code expiresAt}. */
    public Instant expiry(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        return Instant.ofEpochSecond(Long.parseLong(payload.substring(payload.lastIndexOf('|') + 1)));
    }

    /**
     * The principal a valid, unexpired token for {@code videoId} stands for: its issuer's tenant and actor, with
     * events:read only. Empty for anything else (another video, expired, altered, malformed).
     */
    public Optional<Principal> verify(String token, String videoId) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] presented = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), presented)) {
                return Optional.empty();
            }
            String[] f = payload.split("\\|", -1);
            if (f.length != 5 || !f[0].equals(videoId)
                    || !clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(f[4])))) {
                return Optional.empty();
            }
            Set<Scope> scopes = EnumSet.of(Scope.EVENTS_READ);
            return Optional.of(new Principal(f[1], f[2], Role.valueOf(f[3].toUpperCase(Locale.ROOT)), scopes, null,
                    false));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((CONTEXT + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
