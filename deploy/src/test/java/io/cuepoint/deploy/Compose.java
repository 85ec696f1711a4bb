package io.cuepoint.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose.yaml, read with SnakeYAML so that its {@code <<: *anchor} merge keys are resolved as compose
 * resolves them. Only services built from the Dockerfile are Cuepoint's; Kafka and PostgreSQL read their own
 * variables.
 */
record Compose(Map<String, Object> document) {
    static final Path FILE = Repository.path("deploy/compose.yaml");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?[-?]([^}]*))?}");

    static Compose load() {
        return new Compose(new Yaml(new LoaderOptions()).load(Repository.read(FILE)));
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) document.get("services");
    }

    Map<String, Object> service(String name) {
        var service = services().get(name);
        if (service == null) {
            throw new AssertionError(Repository.relative(FILE) + " has no service " + name);
        }
        return service;
    }

    /** The services built from this repository's Dockerfile. */
    List<String> roles() {
        return services().entrySet().stream().filter(e -> e.getValue().containsKey("build")).map(Map.Entry::getKey)
                .toList();
    }

    /** A service's environment with {@code ${VAR:-default}} read as its default (nothing is exported in tests). */
    Map<String, String> environment(String name) {
        var env = new LinkedHashMap<String, String>();
        Object raw = service(name).get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : interpolate(String.valueOf(v))));
        } else if (raw instanceof List<?> list) {
            list.forEach(item -> {
                String[] kv = String.valueOf(item).split("=", 2);
                env.put(kv[0], kv.length > 1 ? interpolate(kv[1]) : "");
            });
        }
        return env;
    }

    List<Setting> settings() {
        var settings = new ArrayList<Setting>();
        for (String role : roles()) {
            environment(role).keySet().forEach(k -> settings.add(new Setting(k,
                    Repository.relative(FILE) + " service " + role)));
        }
        return settings;
    }

    private static String interpolate(String value) {
        var m = INTERPOLATION.matcher(value);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(2) == null ? "" : m.group(2).replace("$", "\\$"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
