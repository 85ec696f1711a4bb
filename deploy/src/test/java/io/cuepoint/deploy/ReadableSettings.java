package io.cuepoint.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment variables the roles read, derived from the code rather than listed by hand:
 * <ul>
 *   <li>upper-case names quoted whole in the main Java sources of ingest, analyzer and api
 *       ({@code "CUEPOINT_SEGMENT_SECONDS"}, {@code "TENSORFLOW_LIBRARY_PATH"}); a quoted {@code CUEPOINT_..._}
 *       ending in an underscore is a prefix ({@code CUEPOINT_MODEL_<NAME>}, the Kafka passthrough);</li>
 *   <li>{@code ${NAME}} and picocli's {@code ${env:NAME}} placeholders in those sources and in main resources
 *       ({@code application.yml}'s {@code ${CUEPOINT_PORT:8080}}), and quoted names in XML resources (a Logback
 *       condition's {@code property("NAME")});</li>
 *   <li>Micronaut's environment form of every key in the api's YAML configuration and of every component of a
 *       {@code @ConfigurationProperties} record ({@code cuepoint.auth.jwt-secret} → {@code CUEPOINT_AUTH_JWT_SECRET});</li>
 *   <li>{@code JAVA_TOOL_OPTIONS}, which the JVM itself reads before any code runs.</li>
 * </ul>
 */
final class ReadableSettings {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");
    private static final Pattern PREFIX = Pattern.compile("CUEPOINT(?:_[A-Z0-9]+)*_");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(?:env:)?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)");
    private static final Pattern QUOTED = Pattern.compile("[\"']([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)[\"']");
    private static final Pattern CONFIG_RECORD = Pattern.compile(
            "@ConfigurationProperties\\(\"([^\"]+)\"\\)\\s*(?:public\\s+)?record\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    private final Map<String, String> names = new TreeMap<>();
    private final Map<String, String> prefixes = new TreeMap<>();

    private ReadableSettings() {
    }

    static ReadableSettings fromCode() {
        var settings = new ReadableSettings();
        settings.names.put("JAVA_TOOL_OPTIONS", "the JVM (read before main starts)");
        for (String module : Repository.CODE_MODULES) {
            for (Path source : Repository.files(Repository.path(module + "/src/main/java"), ".java")) {
                settings.readJava(source);
            }
            for (Path resource : Repository.files(Repository.path(module + "/src/main/resources"),
                    ".yml", ".yaml", ".xml", ".properties")) {
                settings.readResource(resource);
            }
        }
        return settings;
    }

    /** Where the code reads {@code name}, or empty when nothing does. */
    Optional<String> reader(String name) {
        if (names.containsKey(name)) {
            return Optional.of(names.get(name));
        }
        return prefixes.entrySet().stream().filter(e -> name.startsWith(e.getKey()))
                .map(e -> e.getValue() + " (prefix " + e.getKey() + ")").findFirst();
    }

    int size() {
        return names.size() + prefixes.size();
    }

    private void readJava(Path source) {
        String text = Repository.read(source);
        String file = Repository.relative(source);
        for (var literal : JavaStrings.literals(text)) {
            String where = file + ":" + literal.line();
            if (NAME.matcher(literal.text()).matches()) {
                names.putIfAbsent(literal.text(), where);
            } else if (PREFIX.matcher(literal.text()).matches()) {
                prefixes.putIfAbsent(literal.text(), where);
            }
            placeholders(literal.text(), where);
        }
        var record = CONFIG_RECORD.matcher(text);
        var pkg = PACKAGE.matcher(text);
        if (record.find() && pkg.find()) {
            configRecord(record.group(1), pkg.group(1) + "." + record.group(2), file);
        }
    }

    private void readResource(Path resource) {
        String text = Repository.read(resource);
        String file = Repository.relative(resource);
        placeholders(text, file);
        if (file.endsWith(".xml")) {
            // Logback reads variables in conditions too: property("CUEPOINT_LOG_FORMAT").
            var quoted = QUOTED.matcher(text);
            while (quoted.find()) {
                names.putIfAbsent(quoted.group(1), file);
            }
        }
        if (file.endsWith(".yml") || file.endsWith(".yaml")) {
            try {
                flatten(new YAMLMapper().readTree(text), "", file);
            } catch (IOException e) {
                throw new UncheckedIOException(file + " is not YAML", e);
            }
        }
    }

    private void placeholders(String text, String where) {
        var m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.putIfAbsent(m.group(1), where);
        }
    }

    private void flatten(JsonNode node, String key, String file) {
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(f -> flatten(f.getValue(), key.isEmpty() ? f.getKey() : key + "." + f.getKey(),
                    file));
        } else if (!key.isEmpty()) {
            names.putIfAbsent(environmentForm(key), file + " key " + key);
        }
    }

    private void configRecord(String prefix, String className, String file) {
        Class<?> type;
        try {
            type = Class.forName(className, false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " (" + file + ") is not on the test class path", e);
        }
        for (var component : type.getRecordComponents()) {
            String key = prefix + "." + kebab(component.getName());
            names.putIfAbsent(environmentForm(key), file + " @ConfigurationProperties " + key);
        }
    }

    /** Micronaut maps {@code CUEPOINT_AUTH_JWT_SECRET} back to {@code cuepoint.auth.jwt-secret} (among others). */
    static String environmentForm(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
