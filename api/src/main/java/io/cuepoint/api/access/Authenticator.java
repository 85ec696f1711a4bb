package io.cuepoint.api.access;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.config.AuthConfig;
import io.cuepoint.api.config.CuepointConfig;
import io.cuepoint.api.store.Database;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns a presented credential into a {@link Principal}: a configured operator key ({@code cuepoint.api-keys}),
 * a stored API key ({@code cpk_<id>_<secret>}) or a sign-in token (JWT). Keys and users are read through a short
 * cache; {@link #forgetKey} and {@link #forgetUser} drop an entry at once when it is revoked, disabled or changed.
 */
@Singleton
public final class Authenticator {
    static final String KEY_PREFIX = "cpk_";
    private static final int CACHE_ENTRIES = 10_000;

    private final List<byte[]> operatorDigests;
    private final Database db;
    private final UserRepository users;
    private final ApiKeyRepository keys;
    private final JwtTokens tokens;
    private final KeyUsage usage;
    private final TtlCache<String, Optional<UserAccount>> userCache;
    private final TtlCache<String, Optional<StoredKey>> keyCache;

    public Authenticator(CuepointConfig config, AuthConfig auth, Database db, UserRepository users,
                         ApiKeyRepository keys, JwtTokens tokens, KeyUsage usage) {
        this.operatorDigests = config.apiKeys().stream().map(Authenticator::sha256).toList();
        this.db = db;
        this.users = users;
        this.keys = keys;
        this.tokens = tokens;
        this.usage = usage;
        this.userCache = new TtlCache<>(auth.cacheTtl(), CACHE_ENTRIES);
        this.keyCache = new TtlCache<>(auth.cacheTtl(), CACHE_ENTRIES);
    }

    /** @throws ApiException 401 naming what is wrong with the credential */
    public Principal authenticate(String credential) {
        if (credential.startsWith(KEY_PREFIX)) {
            return storedKey(credential);
        }
        if (JwtTokens.looksLikeJwt(credential)) {
            JwtTokens.Claims claims = tokens.verify(credential);
            UserAccount user = activeUser(claims.userId());
            if (!user.tenantId().equals(claims.tenantId())) {
                throw JwtTokens.unauthorized("the token is not valid");
            }
            return user.principal("user:" + user.id(), user.role().scopes());
        }
        int operator = operatorIndex(credential);
        if (operator >= 0) {
            return Principal.operator("operator:" + operator);
        }
        throw JwtTokens.unauthorized("the credential is not valid");
    }

    /** Drops a cached key, after it was revoked. */
    public void forgetKey(String keyId) {
        keyCache.invalidate(keyId);
    }

    /** Drops a cached user, after it was disabled or its role or courses changed. */
    public void forgetUser(String userId) {
        userCache.invalidate(userId);
    }

    private Principal storedKey(String credential) {
        // cpk_<id>_<secret>: the id is hex, so the first underscore after the prefix ends it.
        int sep = credential.indexOf('_', KEY_PREFIX.length());
        if (sep < 0) {
            throw JwtTokens.unauthorized("the API key is not valid");
        }
        String id = credential.substring(KEY_PREFIX.length(), sep);
        byte[] presented = sha256(credential.substring(sep + 1));
        StoredKey key = keyCache.get(id, k -> db.read("looking up an API key", c -> keys.find(c, k))).orElse(null);
        // Compared in constant time; an unknown id costs the same comparison against a dummy hash.
        byte[] expected = key == null ? new byte[presented.length] : key.secretHash();
        if (!MessageDigest.isEqual(expected, presented) || key == null) {
            throw JwtTokens.unauthorized("the API key is not valid");
        }
        if (key.revokedAt() != null) {
            throw JwtTokens.unauthorized("the API key was revoked");
        }
        if (!key.usable(Instant.now())) {
            throw JwtTokens.unauthorized("the API key has expired");
        }
        UserAccount user = activeUser(key.userId());
        usage.used(key.id());
        return user.principal("key:" + key.id(), key.scopes());
    }

    private UserAccount activeUser(String userId) {
        UserAccount user = userCache.get(userId, u -> db.read("looking up a user", c -> users.find(c, u)))
                .orElseThrow(() -> JwtTokens.unauthorized("the user no longer exists"));
        if (user.disabled()) {
            throw JwtTokens.unauthorized("the user is disabled");
        }
        return user;
    }

    /** Compares every configured key's digest in constant time, so timing tells nothing about which matched. */
    private int operatorIndex(String key) {
        byte[] presented = sha256(key);
        int match = -1;
        for (int i = 0; i < operatorDigests.size(); i++) {
            if (MessageDigest.isEqual(operatorDigests.get(i), presented)) {
                match = i;
            }
        }
        return match;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
