package io.cuepoint.api.access;

import io.cuepoint.api.store.Database;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The all-in-one mode's first user: on first start, {@value #EMAIL}, an admin of the default tenant, with a
 * random password written to {@code <data-dir>/admin-password} (owner-only), so the viewer can be signed into
 * without any set-up. Later starts leave the user alone (its password may have been changed since).
 */
@Singleton
public final class LocalAdmin {
    public static final String EMAIL = "admin@localhost";
    private static final Logger LOG = LoggerFactory.getLogger(LocalAdmin.class);

    private final Database db;
    private final UserRepository users;
    private final PasswordHasher passwords;

    public LocalAdmin(Database db, UserRepository users, PasswordHasher passwords) {
        this.db = db;
        this.users = users;
        this.passwords = passwords;
    }

    public static Path passwordFile(Path dataDir) {
        return dataDir.resolve("admin-password");
    }

    /** Creates the user when it does not exist; returns the password file when there is one. */
    public Optional<Path> ensure(Path dataDir) {
        Path file = passwordFile(dataDir);
        boolean exists = db.read("looking up the local admin", c -> users.findByEmail(c, EMAIL)).isPresent();
        if (!exists) {
            String password = Ids.hex(12);
            String hash = passwords.hash(password);
            try {
                Files.createDirectories(dataDir);
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the admin password file " + file, e);
            }
            db.inTransaction("creating the local admin", c -> {
                users.insert(c, Ids.newId("u-"), Principal.DEFAULT_TENANT, EMAIL, "Local admin", Role.ADMIN, hash);
                return List.of();
            });
            LOG.info("created the local admin {}; its password is in {}", EMAIL, file);
        }
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }
}
