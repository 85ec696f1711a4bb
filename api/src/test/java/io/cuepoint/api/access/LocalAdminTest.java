package io.cuepoint.api.access;

import io.cuepoint.api.ApiTestBase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The all-in-one's first admin, and the secret's minimum length. */
@MicronautTest
class LocalAdminTest extends ApiTestBase {
    @Inject
    LocalAdmin admin;
    @Inject
    SignIn signIn;

    @Test
    void theFirstStartMakesAnAdminWhosePasswordOnlyTheOwnerCanRead() throws Exception {
        Path file = admin.ensure(dataDir).orElseThrow();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String password = Files.readString(file).strip();
        var session = signIn.signIn(LocalAdmin.EMAIL, password);
        assertThat(session.user().role()).isEqualTo("admin");
        assertThat(session.user().tenantId()).isEqualTo(Principal.DEFAULT_TENANT);

        // A later start keeps the user and its password.
        assertThat(admin.ensure(dataDir)).contains(file);
        assertThat(Files.readString(file).strip()).isEqualTo(password);
    }

    @Test
    void aSecretShorterThan32BytesStopsTheStart() {
        var properties = new HashMap<String, Object>(getProperties());
        properties.put("cuepoint.auth.jwt-secret", "too short");
        Throwable failure = catchThrowable(() -> ApplicationContext.run(properties).close());
        var messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage());
        }
        assertThat(messages.toString()).contains("cuepoint.auth.jwt-secret").contains("at least 32 bytes");
    }
}
