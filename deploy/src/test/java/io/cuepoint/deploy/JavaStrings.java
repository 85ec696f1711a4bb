package io.cuepoint.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Java source file, comments skipped, so that names quoted in javadoc do not count as
 * names the code reads. Escapes are kept as written: the literals looked for are plain upper-case names.
 */
final class JavaStrings {
    /** One literal and the line it starts on. */
    record Literal(String text, int line) {
    }

    private JavaStrings() {
    }

    static List<Literal> literals(String source) {
        var found = new ArrayList<Literal>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                found.add(new Literal(source.substring(i + 3, end), line));
                line += count(source, i, end);
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    found.add(new Literal(source.substring(i + 1, Math.min(end, n)), line));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
