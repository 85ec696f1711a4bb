package io.cuepoint.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A .dockerignore's rules, applied the way the builder applies them: the last rule that matches a path or one of
 * its parent folders decides, and {@code !} re-includes.
 */
record DockerIgnore(List<String> rules) {
    static DockerIgnore read(Path file) {
        return new DockerIgnore(Repository.read(file).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
    }

    boolean sends(String path) {
        String clean = path.replaceAll("^\\./", "").replaceAll("/$", "");
        boolean sent = true;
        for (String rule : rules) {
            boolean include = rule.startsWith("!");
            String pattern = (include ? rule.substring(1) : rule).replaceAll("^/", "").replaceAll("/$", "");
            if (matchesItselfOrParent(glob(pattern), clean)) {
                sent = include;
            }
        }
        return sent;
    }

    private static boolean matchesItselfOrParent(Pattern pattern, String path) {
        String candidate = path;
        while (true) {
            if (pattern.matcher(candidate).matches()) {
                return true;
            }
            int slash = candidate.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            candidate = candidate.substring(0, slash);
        }
    }

    private static Pattern glob(String glob) {
        var regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
