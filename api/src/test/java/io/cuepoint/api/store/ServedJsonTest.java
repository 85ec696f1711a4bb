package io.cuepoint.api.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The served form of a stored event's text loses only its top-level schema field. */
class ServedJsonTest {
    @Test
    void cutsTheTopLevelSchemaFieldWhereverItStands() {
        assertThat(ServedJson.withoutSchema("{\"id\": \"a\", \"schema\": 1, \"startMs\": 5}"))
                .isEqualTo("{\"id\": \"a\", \"startMs\": 5}");
        assertThat(ServedJson.withoutSchema("{\"id\": \"a\", \"schema\": 1}")).isEqualTo("{\"id\": \"a\"}");
        assertThat(ServedJson.withoutSchema("{\"schema\":12,\"id\":\"a\"}")).isEqualTo("{\"id\":\"a\"}");
    }

    @Test
    void leavesNestedKeysAndStringsThatLookLikeIt() {
        String nested = "{\"id\": \"x\\\"schema\\\": 2\", \"attributes\": {\"schema\": 3}, \"schema\": 1, \"z\": [{\"schema\": 4}]}";
        assertThat(ServedJson.withoutSchema(nested))
                .isEqualTo("{\"id\": \"x\\\"schema\\\": 2\", \"attributes\": {\"schema\": 3}, \"z\": [{\"schema\": 4}]}");
        assertThat(ServedJson.withoutSchema("{\"attributes\": {\"schema\": 3}}")).isEqualTo("{\"attributes\": {\"schema\": 3}}");
    }
}
