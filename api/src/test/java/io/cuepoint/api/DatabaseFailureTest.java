package io.cuepoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which database failures a client may retry (503) and which are the api's own (500) or the client's (400). */
class DatabaseFailureTest {

    @Test
    void anUnreachableDatabaseIsUnavailableNotAnInternalError() {
        var refused = new SQLException("Connection to localhost:5432 refused", "08001");
        var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available", null, refused);
        var shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        for (var cause : new SQLException[] {refused, poolTimeout, shutdown}) {
            var e = ApiException.database("reading a video", cause);
            assertThat(e.status().getCode()).as(cause.getMessage()).isEqualTo(503);
            assertThat(e.getMessage()).isEqualTo("the database is not available while reading a video; try again later");
            assertThat(ApiException.databaseUnavailable(new RuntimeException(e))).isTrue();
        }
    }

    @Test
    void otherFailuresKeepTheirStatus() {
        var duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(ApiException.database("storing a video", duplicate).status().getCode())
                .isEqualTo(500);
        assertThat(ApiException.databaseUnavailable(duplicate)).isFalse();
        var nul = new SQLException("invalid byte sequence", "22021");
        assertThat(ApiException.database("storing a title", nul).status().getCode()).isEqualTo(400);
    }
}
