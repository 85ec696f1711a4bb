package io.cuepoint.api.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated OpenAPI document (META-INF/swagger/cuepoint.yml, written by the annotation processor while
 * compiling) documents every operation well enough to integrate from it alone: a summary, a description on
 * every parameter, an example for every textual request and response body (problem documents included), and a
 * credential on everything under /api/v1 but the sign-in. Each check lists every offending operation at once,
 * so one run shows all that a new endpoint still lacks.
 *
 * <p>Binary bodies (images, video, uploads) need no example: no example could show more than their schema.
 */
class OpenApiDocsTest {
    private static final String SPEC = "META-INF/swagger/cuepoint.yml";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String LOGIN = "POST /api/v1/auth/login";

    private static Map<String, Object> spec;

    @BeforeAll
    static void readSpec() throws IOException {
        try (InputStream in = OpenApiDocsTest.class.getClassLoader().getResourceAsStream(SPEC)) {
            assertThat(in).as("%s on the class path (generated when the api compiles)", SPEC).isNotNull();
            spec = new Yaml(new LoaderOptions()).load(in);
        }
        assertThat(map(spec.get("paths"))).as("the operations of " + SPEC).containsKey("/api/v1/videos");
    }

    @Test
    void everyOperationHasASummary() {
        assertNoOffenders("operations without a summary", (name, op) -> blank(op.get("summary")));
    }

    @Test
    void everyParameterIsDescribed() {
        var offenders = new ArrayList<String>();
        forEachOperation((name, op) -> {
            for (Map<String, Object> p : list(op.get("parameters"))) {
                if (blank(p.get("description"))) {
                    offenders.add(name + " parameter " + p.get("name") + " (" + p.get("in") + ")");
                }
            }
        });
        assertThat(offenders).as("parameters without a description").isEmpty();
    }

    @Test
    void everyRequestBodyHasAnExample() {
        var offenders = new ArrayList<String>();
        forEachOperation((name, op) -> {
            Map<String, Object> body = map(op.get("requestBody"));
            offenders.addAll(withoutExample(name + " request", map(body.get("content"))));
        });
        assertThat(offenders).as("request bodies without an example").isEmpty();
    }

    @Test
    void everyResponseWithContentHasAnExample() {
        var offenders = new ArrayList<String>();
        forEachOperation((name, op) -> map(op.get("responses")).forEach((status, response) ->
                offenders.addAll(withoutExample(name + " " + status, map(map(response).get("content"))))));
        assertThat(offenders).as("responses (problem documents included) without an example").isEmpty();
    }

    @Test
    void everyApiOperationButSignInNeedsACredential() {
        List<Map<String, Object>> global = list(spec.get("security"));
        assertNoOffenders("operations under /api/v1 that need no credential", (name, op) -> {
            if (!name.contains(" /api/v1/") || name.equals(LOGIN)) {
                return false;
            }
            List<Map<String, Object>> security = op.containsKey("security") ? list(op.get("security")) : global;
            return security.isEmpty() || security.stream().anyMatch(Map::isEmpty);
        });
    }

    @Test
    void signInSaysItNeedsNoCredential() {
        Map<String, Object> login = map(map(map(spec.get("paths")).get("/api/v1/auth/login")).get("post"));
        assertThat(login).as(LOGIN).isNotEmpty();
        assertThat(login).as("%s overrides the document's security with an empty list", LOGIN)
                .containsKey("security");
        assertThat(list(login.get("security"))).as(LOGIN + " security").isEmpty();
    }

    @Test
    void bothSecuritySchemesAreDeclaredAndRequiredByDefault() {
        Map<String, Object> schemes = map(map(spec.get("components")).get("securitySchemes"));
        assertThat(schemes).containsKeys("apiKey", "bearer");
        assertThat(map(schemes.get("apiKey"))).containsEntry("type", "apiKey").containsEntry("in", "header")
                .containsEntry("name", "X-API-Key");
        assertThat(map(schemes.get("bearer"))).containsEntry("type", "http").containsEntry("scheme", "bearer");
        assertThat(list(spec.get("security"))).extracting(Map::keySet)
                .containsExactlyInAnyOrder(Set.of("apiKey"), Set.of("bearer"));
        // Every scheme an operation names must exist, or Swagger UI offers no way to send it.
        var unknown = new ArrayList<String>();
        forEachOperation((name, op) -> list(op.get("security")).forEach(requirement -> requirement.keySet().stream()
                .filter(s -> !schemes.containsKey(s)).forEach(s -> unknown.add(name + " names " + s))));
        assertThat(unknown).as("security requirements naming an undeclared scheme").isEmpty();
    }

    /** Each textual media type of a body: its example, or the reason it has none. */
    private static List<String> withoutExample(String where, Map<String, Object> content) {
        var missing = new ArrayList<String>();
        content.forEach((mediaType, value) -> {
            Map<String, Object> media = map(value);
            boolean example = media.get("example") != null || !map(media.get("examples")).isEmpty();
            if (!example && !binary(mediaType, map(media.get("schema")))) {
                missing.add(where + " " + mediaType);
            }
        });
        return missing;
    }

    private static boolean binary(String mediaType, Map<String, Object> schema) {
        return mediaType.startsWith("image/") || mediaType.startsWith("video/") || mediaType.startsWith("audio/")
                || mediaType.equals("application/octet-stream") || mediaType.equals("multipart/form-data")
                || "binary".equals(schema.get("format"));
    }

    private static void assertNoOffenders(String what, BiPredicate<String, Map<String, Object>> bad) {
        var offenders = new ArrayList<String>();
        forEachOperation((name, op) -> {
            if (bad.test(name, op)) {
                offenders.add(name);
            }
        });
        assertThat(offenders).as(what).isEmpty();
    }

    private static void forEachOperation(BiConsumer<String, Map<String, Object>> check) {
        map(spec.get("paths")).forEach((path, item) -> METHODS.forEach(method -> {
            Map<String, Object> op = map(map(item).get(method));
            if (!op.isEmpty()) {
                check.accept(method.toUpperCase() + " " + path, op);
            }
        }));
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
