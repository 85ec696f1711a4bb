package io.cuepoint.api.access;

import io.cuepoint.api.store.Database;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Email and password to a sign-in token. */
@Singleton
public final class SignIn {
    private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);

    /** A successful sign-in. */
    public record Session(JwtTokens.Issued token, UserResource user) {
    }

    private final Database db;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final JwtTokens tokens;

    public SignIn(Database db, UserRepository users, PasswordHasher passwords, JwtTokens tokens) {
        this.db = db;
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    /** @throws io.cuepoint.api.ApiException 401 for a wrong email or password (the same answer) or a disabled user */
    public Session signIn(String email, String password) {
        UserAccount user = db.read("signing in", c -> users.findByEmail(c, email)).orElse(null);
        // An unknown email still costs a hash, so timing does not tell which emails exist.
        boolean ok = passwords.matches(password, user == null ? null : user.passwordHash()) && user != null;
        if (!ok) {
            throw JwtTokens.unauthorized("wrong email or password");
        }
        if (user.disabled()) {
            throw JwtTokens.unauthorized("the user is disabled");
        }
        LOG.info("user {} signed in", user.id());
        return new Session(tokens.issue(user), UserResource.of(user));
    }
}
