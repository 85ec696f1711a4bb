package io.cuepoint.api.security;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations of the OpenAPI document generated at compile time ({@code META-INF/swagger/cuepoint.yml}), so
 * that the security tests follow every endpoint the api documents, including ones added after they were written.
 */
final class ApiSpec {
    static final String RESOURCE = "META-INF/swagger/cuepoint.yml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head");

    /** A parameter as the document declares it; {@code in} is path, query or header. */
    record Param(String name, String in) {
    }

    /**
     * One documented operation.
     *
     * @param consumes         the request body's media types, empty without a body
     * @param documentedPublic whether the document says it needs no credential ({@code security: []} or {})
     */
    record Operation(String method, String path, List<Param> params, List<String> consumes, boolean documentedPublic,
                     Map<String, Object> bodySchema) {
        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean hasBody() {
            return !consumes.isEmpty();
        }

        /** {@code GET /api/v1/videos/{id}}: how test names and failure messages show it. */
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final Map<String, Object> document;

    private ApiSpec(Map<String, Object> document) {
        this.document = document;
    }

    static ApiSpec load() {
        try (InputStream in = ApiSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new AssertionError(RESOURCE + " is not on the class path: the OpenAPI document is generated "
                        + "when the api module compiles");
            }
            return new ApiSpec(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation whose path starts with {@code prefix}, in path then method order. */
    List<Operation> operations(String prefix) {
        var result = new ArrayList<Operation>();
        map(document.get("paths")).forEach((path, item) -> {
            if (!path.startsWith(prefix)) {
                return;
            }
            map(item).forEach((method, raw) -> {
                if (METHODS.contains(method)) {
                    result.add(operation(method.toUpperCase(Locale.ROOT), path, map(raw)));
                }
            });
        });
        result.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return result;
    }

    private Operation operation(String method, String path, Map<String, Object> op) {
        var params = new ArrayList<Param>();
        for (Object p : list(op.get("parameters"))) {
            params.add(new Param((String) map(p).get("name"), (String) map(p).get("in")));
        }
        List<String> consumes = List.of();
        Map<String, Object> schema = Map.of();
        if (op.get("requestBody") != null) {
            Map<String, Object> content = map(map(op.get("requestBody")).get("content"));
            consumes = List.copyOf(content.keySet());
            Object json = content.get("application/json");
            if (json != null && map(json).get("schema") != null) {
                schema = resolve(map(map(json).get("schema")));
            }
        }
        boolean open = op.containsKey("security")
                && list(op.get("security")).stream().allMatch(r -> map(r).isEmpty());
        return new Operation(method, path, List.copyOf(params), consumes, open, schema);
    }

    /** Follows a {@code $ref} to {@code #/components/schemas/...}. */
    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ((String) ref).substring("#/components/schemas/".length());
        return map(map(map(document.get("components")).get("schemas")).get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
