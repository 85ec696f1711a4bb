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
 * The API key of the all-in-one mode: {@code CUEPOINT_API_KEYS} when set, otherwise a random key made
 * on first start and kept, readable by the owner only, in the data directory. The data endpoints are
 * never open without a key, not even on one's own machine.
 */
final class ApiKeys {
    private ApiKeys() {
    }

    static Path localKeyFile(Path dataDir) {
        return dataDir.resolve("api-key");
    }

    static String configuredOrLocal(Map<String, String> env, Path dataDir) {
        String configured = env.get("CUEPOINT_API_KEYS");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = localKeyFile(dataDir);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String key = "cp_" + HexFormat.of().formatHex(random);
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the API key file " + file, e);
        }
    }
}
