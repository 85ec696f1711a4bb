package io.cuepoint.api.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cuepoint.api.ApiException;
import io.cuepoint.api.config.AuthConfig;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * Sign-in tokens: HS256 JWTs with {@code sub} = user id, {@code tid} = tenant, {@code role} and {@code exp}.
 * The role in the token is informative only: each request reads the user again (cached briefly), so a disabled
 * user or a changed role counts at once.
 */
@Singleton
public final class JwtTokens {
    /** A token and when it stops being accepted. */
    public record Issued(String token, Instant expiresAt) {
    }

    /** Who a valid token names. */
    public record Claims(String userId, String tenantId) {
    }

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final AuthConfig config;
    private final Clock clock;

    public JwtTokens(SigningKey key, AuthConfig config) {
        this(key, config, Clock.systemUTC());
    }

    JwtTokens(SigningKey key, AuthConfig config, Clock clock) {
        try {
            this.signer = new MACSigner(key.bytes());
            this.verifier = new MACVerifier(key.bytes());
        } catch (JOSEException e) {
            throw new IllegalStateException("the signing key is too short for HS256", e);
        }
        this.config = config;
        this.clock = clock;
    }

    public Issued issue(UserAccount user) {
        // Whole seconds: that is what exp can hold, and what the client is told.
        Instant expires = clock.instant().plus(config.tokenTtl()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var claims = new JWTClaimsSet.Builder().subject(user.id()).claim("tid", user.tenantId())
                .claim("role", user.role().wireName()).issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(expires)).build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new Issued(jwt.serialize(), expires);
    }

    /** @throws ApiException 401 when the token is malformed, not ours (signature, algorithm) or expired */
    public Claims verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            // Only the algorithm we sign with: never "none", never one an attacker picks.
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw unauthorized("the token's signature is not valid");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (exp == null || !clock.instant().isBefore(exp.toInstant())) {
                throw unauthorized("the token has expired; sign in again");
            }
            String tenant = claims.getStringClaim("tid");
            if (claims.getSubject() == null || tenant == null) {
                throw unauthorized("the token names no user");
            }
            return new Claims(claims.getSubject(), tenant);
        } catch (ParseException | JOSEException e) {
            throw unauthorized("the token is not valid");
        }
    }

    /** Whether a credential looks like a JWT (three base64url parts, a JSON header) rather than a key. */
    static boolean looksLikeJwt(String credential) {
        return credential.startsWith("eyJ") && credential.chars().filter(ch -> ch == '.').count() == 2;
    }

    static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, message);
    }
}
