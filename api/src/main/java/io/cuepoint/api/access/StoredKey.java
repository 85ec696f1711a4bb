package io.cuepoint.api.access;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Set;

/**
 * An API key row. Only the SHA-256 of the secret is kept; the key itself was shown once, when it was made.
 *
 * @param userId the user it acts for: it never does more than that user's role allows
 */
public record StoredKey(String id, String tenantId, String userId, String name, byte[] secretHash, Set<Scope> scopes,
                        Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant revokedAt,
                        @Nullable Instant lastUsedAt) {
    /** Whether it may still be used at {@code now}. */
    public boolean usable(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
