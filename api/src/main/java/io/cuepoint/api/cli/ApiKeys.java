package io.cuepoint.api.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The secrets of the all-in-one mode, each from the environment when set, otherwise made at random on first
 * start and kept, readable by the owner only, in the data directory: the operator API key
 * ({@code CUEPOINT_API_KEYS}, file {@code api-key}) and the key that signs sign-in tokens
 * ({@code CUEPOINT_AUTH_JWT_SECRET}, file {@code jwt-secret}). The data endpoints are never open without a
 * credential, not even on one's own machine.
 */
final class ApiKeys {
    private ApiKeys() {
    }

    static Path localKeyFile(Path dataDir) {
        return dataDir.resolve("api-key");
    }

    static String configuredOrLocal(Map<String, String> env, Path dataDir) {
        return configuredOrKept(env, "CUEPOINT_API_KEYS", localKeyFile(dataDir), "cp_");
    }

    /** The JWT secret: 32 random bytes as 64 hex characters, above the 32-byte minimum. */
    static String jwtSecret(Map<String, String> env, Path dataDir) {
        return configuredOrKept(env, "CUEPOINT_AUTH_JWT_SECRET", dataDir.resolve("jwt-secret"), "");
    }

    private static String configuredOrKept(Map<String, String> env, String variable, Path file, String prefix) {
        String configured = env.get(variable);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = prefix + HexFormat.of().formatHex(random);
            writePrivate(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** Writes a file that only its owner may read, never readable by others even for a moment. */
    static void writePrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
