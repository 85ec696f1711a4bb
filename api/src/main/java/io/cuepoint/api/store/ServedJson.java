package io.cuepoint.api.store;

/**
 * Turns a stored event's JSON text (as PostgreSQL prints a jsonb: {@code "key": value, ...}) into the served form
 * by cutting out the top-level {@code schema} field. Done on the text because removing the key in SQL
 * ({@code json - 'schema'}) rebuilds every document and cost PostgreSQL more than the api saved by not parsing.
 */
final class ServedJson {
    private static final String KEY = "\"schema\"";

    private ServedJson() {
    }

    static String withoutSchema(String json) {
        int key = topLevelKey(json);
        if (key < 0) {
            return json;
        }
        int colon = json.indexOf(':', key + KEY.length());
        int end = colon + 1;
        while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}') {
            end++;
        }
        if (end < json.length() && json.charAt(end) == ',') {
            end++;
            while (end < json.length() && json.charAt(end) == ' ') {
                end++;
            }
            return json.substring(0, key) + json.substring(end);
        }
        // The last field: drop the comma before it instead.
        int start = key;
        while (start > 0 && json.charAt(start - 1) == ' ') {
            start--;
        }
        if (start > 0 && json.charAt(start - 1) == ',') {
            start--;
        }
        return json.substring(0, start) + json.substring(end);
    }

    /** Where the top-level key starts, or -1: outside strings, at object depth one. */
    private static int topLevelKey(String json) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                if (depth == 1 && json.startsWith(KEY, i) && json.charAt(skipSpaces(json, i + KEY.length())) == ':') {
                    return i;
                }
                inString = true;
            } else if (ch == '{' || ch == '[') {
                depth++;
            } else if (ch == '}' || ch == ']') {
                depth--;
            }
        }
        return -1;
    }

    private static int skipSpaces(String json, int i) {
        while (i < json.length() - 1 && json.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
