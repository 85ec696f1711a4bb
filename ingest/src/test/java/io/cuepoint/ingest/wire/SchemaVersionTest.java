package io.cuepoint.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The versioned read: a record newer than the reader is refused with its version as the reason. */
class SchemaVersionTest {
    private static JobRequest read(String json) {
        return WireJson.read(json == null ? null : json.getBytes(StandardCharsets.UTF_8), JobRequest.class,
                JobRequest::schema, JobRequest.SCHEMA);
    }

    @Test
    void currentAndOlderVersionsAreRead() {
        var job = JobRequest.of("v1", "/media/a.mp4", Instant.parse("2026-01-05T10:00:00Z"));
        assertThat(read(new String(WireJson.write(job), StandardCharsets.UTF_8))).isEqualTo(job);
        // Written before the field existed: Jackson leaves it 0, which is older, not newer.
        assertThat(read("{\"videoId\":\"v0\",\"source\":\"/media/b.mp4\"}").schema()).isZero();
    }

    @Test
    void aNewerVersionIsRefusedWhetherOrNotItsFieldsParse() {
        assertThatThrownBy(() -> read("{\"schema\":2,\"videoId\":\"v2\",\"source\":\"/media/c.mp4\"}"))
                .isInstanceOf(NewerSchemaException.class)
                .hasMessage("JobRequest has schema version 2, newer than version 1 that this Cuepoint reads: "
                        + "upgrade this role to the producer's version, then replay it");
        // A newer shape that no longer parses: the version, not the missing field, is the reason.
        assertThatThrownBy(() -> read("{\"schema\":3,\"id\":\"v3\",\"media\":{\"uri\":\"s3://b/c.mp4\"}}"))
                .isInstanceOf(NewerSchemaException.class)
                .hasMessageStartingWith("JobRequest has schema version 3, newer than version 1")
                .hasCauseInstanceOf(WireFormatException.class);
    }

    @Test
    void malformedRecordsAreWireFormatErrorsOnOneLine() {
        assertThatThrownBy(() -> read(null)).isExactlyInstanceOf(WireFormatException.class)
                .hasMessage("a record without a value, where a JobRequest was expected");
        assertThatThrownBy(() -> read("{\"schema\":1,\"videoId\":")).isExactlyInstanceOf(WireFormatException.class)
                .hasMessageStartingWith("not a valid JobRequest: ")
                .hasMessageEndingWith("(line 1, column 23)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> read("[1, 2]")).isExactlyInstanceOf(WireFormatException.class);
    }
}
