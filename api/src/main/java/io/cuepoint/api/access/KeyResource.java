package io.cuepoint.api.access;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * An API key as listed: never its secret.
 *
 * @param prefix     how the key starts ({@code cpk_<id>_}), to tell keys apart
 * @param key        the whole key, only in the answer to its creation; it is not stored and cannot be shown again
 * @param lastUsedAt roughly when it was last used (written every half minute or so)
 */
@Schema(name = "ApiKey")
public record KeyResource(String id, String name, String userId, List<String> scopes, String prefix,
                          @Nullable String key, Instant createdAt, @Nullable Instant expiresAt,
                          @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {
    public static KeyResource of(StoredKey k, @Nullable String key) {
        return new KeyResource(k.id(), k.name(), k.userId(), k.scopes().stream().map(Scope::wireName).toList(),
                Authenticator.KEY_PREFIX + k.id() + "_", key, k.createdAt(), k.expiresAt(), k.revokedAt(),
                k.lastUsedAt());
    }
}
