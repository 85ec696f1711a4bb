package io.cuepoint.api.access;

import io.cuepoint.api.ApiException;
import jakarta.inject.Singleton;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashes with the JDK's PBKDF2-HMAC-SHA256: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64),
 * so the parameters travel with each hash and can be raised later without breaking stored ones. 210 000
 * iterations is OWASP's 2023 recommendation for this function.
 */
@Singleton
public final class PasswordHasher {
    static final int ITERATIONS = 210_000;
    /** Shorter passwords are refused when a user is created or a password is set. */
    public static final int MIN_LENGTH = 10;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecureRandom random = new SecureRandom();
    /** Compared against when the email is unknown, so a wrong email takes as long as a wrong password. */
    private final String decoy = hash("decoy password that matches nothing");

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, ITERATIONS);
        var b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code encoded}; a null or malformed hash matches nothing. */
    public boolean matches(String password, String encoded) {
        if (encoded == null) {
            matches(password, decoy);
            return false;
        }
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Refuses passwords too short to be worth hashing. */
    public static void checkStrength(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ApiException.badRequest("password: at least " + MIN_LENGTH + " characters");
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        var spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
