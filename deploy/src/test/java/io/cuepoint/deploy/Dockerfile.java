package io.cuepoint.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Dockerfile read into its build stages, enough to check what each image carries: instructions with their line,
 * continuation lines joined, comments and parser directives dropped, and the global {@code ARG} defaults.
 */
record Dockerfile(Path file, Map<String, String> globalArgs, List<Stage> stages) {
    private static final Pattern FROM = Pattern.compile("(?i)FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?");

    /** One instruction: its keyword upper-cased, the rest as written, and the line it starts on. */
    record Instruction(String keyword, String arguments, int line) {
    }

    /** A stage: its base (an image or an earlier stage's name), its name, and its instructions after FROM. */
    record Stage(String base, String name, int line, List<Instruction> instructions) {
        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }
    }

    static Dockerfile parse(Path file) {
        var args = new LinkedHashMap<String, String>();
        var stages = new ArrayList<Stage>();
        String[] lines = Repository.read(file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int start = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var joined = new StringBuilder();
            while (line.endsWith("\\") && i + 1 < lines.length) {
                joined.append(line, 0, line.length() - 1).append(' ');
                do {
                    line = lines[++i].strip();
                } while (line.startsWith("#") && i + 1 < lines.length);
            }
            joined.append(line);
            String text = joined.toString().strip();
            String keyword = text.split("\\s+", 2)[0].toUpperCase(java.util.Locale.ROOT);
            String rest = text.length() > keyword.length() ? text.substring(keyword.length()).strip() : "";
            if (keyword.equals("FROM")) {
                var m = FROM.matcher(text);
                if (!m.matches()) {
                    throw new IllegalArgumentException(file + ":" + start + ": cannot read " + text);
                }
                stages.add(new Stage(m.group(1), m.group(2), start, new ArrayList<>()));
            } else if (stages.isEmpty() && keyword.equals("ARG")) {
                String[] kv = rest.split("=", 2);
                args.put(kv[0], kv.length > 1 ? kv[1] : "");
            } else if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, rest, start));
            }
        }
        return new Dockerfile(file, args, stages);
    }

    Optional<Stage> stage(String name) {
        return stages.stream().filter(s -> name.equals(s.name())).findFirst();
    }

    /** The stage and the stages it is built FROM, the named stage first. */
    List<Stage> chain(String name) {
        var chain = new ArrayList<Stage>();
        for (var s = stage(name); s.isPresent(); s = stage(s.get().base())) {
            chain.add(s.get());
        }
        return chain;
    }

    /** The image a stage finally rests on, with {@code ${ARG}} replaced by the global default. */
    String baseImage(String name) {
        var chain = chain(name);
        String base = chain.get(chain.size() - 1).base();
        for (var arg : globalArgs.entrySet()) {
            base = base.replace("${" + arg.getKey() + "}", arg.getValue());
        }
        return base;
    }

    /** The {@code ENV} settings of a stage and its ancestors, nearest last so that later ones win. */
    Map<String, String> environment(String name) {
        var env = new LinkedHashMap<String, String>();
        var chain = new ArrayList<>(chain(name));
        java.util.Collections.reverse(chain);
        for (var stage : chain) {
            for (var env1 : stage.all("ENV")) {
                env.putAll(envSettings(env1.arguments()));
            }
        }
        return env;
    }

    /** {@code ENV A=1 B="two words"} or the old {@code ENV A value} form. */
    static Map<String, String> envSettings(String arguments) {
        var env = new LinkedHashMap<String, String>();
        if (!arguments.contains("=") || arguments.split("\\s+")[0].indexOf('=') < 0) {
            String[] kv = arguments.split("\\s+", 2);
            env.put(kv[0], kv.length > 1 ? kv[1] : "");
            return env;
        }
        var m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)").matcher(arguments);
        while (m.find()) {
            env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
        }
        return env;
    }
}
