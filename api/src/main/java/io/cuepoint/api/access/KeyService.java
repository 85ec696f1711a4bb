package io.cuepoint.api.access;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.store.Database;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * API keys of the caller's tenant: made with a random secret shown once ({@code cpk_<id>_<secret>}, only its
 * SHA-256 is stored), listed without it, revoked with immediate effect on this replica.
 */
@Singleton
public final class KeyService {
    private static final Logger LOG = LoggerFactory.getLogger(KeyService.class);
    private static final int SECRET_BYTES = 32;

    private final Database db;
    private final ApiKeyRepository keys;
    private final AccountService accounts;
    private final Authenticator authenticator;

    public KeyService(Database db, ApiKeyRepository keys, AccountService accounts,
                      Authenticator authenticator) {
        this.db = db;
        this.keys = keys;
        this.accounts = accounts;
        this.authenticator = authenticator;
    }

    /**
     * A new key acting for {@code userId} (default: the caller's own user) with {@code scopes}, which may not
     * exceed the caller's nor that user's role.
     */
    public KeyResource create(Principal p, String name, List<String> scopeNames, @Nullable String userId,
                              @Nullable Instant expiresAt) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("name: required");
        }
        Set<Scope> scopes = scopes(scopeNames);
        if (!p.scopes().containsAll(scopes)) {
            throw ApiException.badRequest("scopes: a key cannot have scopes its creator lacks");
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw ApiException.badRequest("expiresAt: must be in the future");
        }
        String id = Ids.hex(8);
        String secret = Ids.hex(SECRET_BYTES);
        StoredKey key = db.inTransaction("creating an API key", c -> {
            String owner = userId != null ? userId : ownUser(c, p);
            UserAccount user = accounts.user(c, p, owner);
            if (!user.role().scopes().containsAll(scopes)) {
                throw ApiException.badRequest("scopes: a " + user.role().wireName() + " user's key can have "
                        + user.role().scopes().stream().map(Scope::wireName).toList() + " only");
            }
            return keys.insert(c, id, p.tenantId(), user.id(), name.strip(), Authenticator.sha256(secret), scopes,
                    expiresAt);
        });
        LOG.info("{} created API key {} for user {} with scopes {}", p.actor(), id, key.userId(), scopeNames);
        return KeyResource.of(key, Authenticator.KEY_PREFIX + id + "_" + secret);
    }

    public List<KeyResource> list(Principal p) {
        return db.read("listing API keys", c -> keys.list(c, p.tenantId()).stream()
                .map(k -> KeyResource.of(k, null)).toList());
    }

    /** @throws ApiException 404 when the tenant has no such key */
    public void revoke(Principal p, String id) {
        boolean revoked = db.inTransaction("revoking an API key", c -> keys.revoke(c, p.tenantId(), id));
        authenticator.forgetKey(id);
        if (!revoked) {
            throw ApiException.notFound("no API key " + id);
        }
        LOG.info("{} revoked API key {}", p.actor(), id);
    }

    private String ownUser(Connection c, Principal p) throws SQLException {
        String actor = p.actor();
        if (actor.startsWith("user:")) {
            return actor.substring("user:".length());
        }
        if (actor.startsWith("key:")) {
            return keys.find(c, actor.substring("key:".length())).orElseThrow().userId();
        }
        throw ApiException.badRequest("userId: required when an operator key creates a key (it has no user)");
    }

    private static Set<Scope> scopes(@Nullable List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ApiException.badRequest("scopes: at least one of events:read, videos:write, admin");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String n : names) {
            scopes.add(Scope.parse(n).orElseThrow(() -> ApiException.badRequest("scopes: unknown scope " + n
                    + "; use events:read, videos:write or admin")));
        }
        return scopes;
    }
}
