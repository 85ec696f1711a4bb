package io.cuepoint.analyzer;

import java.util.Locale;
import java.util.Map;

/**
 * Reading one environment-style key with a default and a range, for the analyzer's configuration records.
 * A bad value fails with an {@link AnalyzerException} naming the key, the value and what was expected.
 */
public final class EnvironmentKeys {
    private EnvironmentKeys() {
    }

    public static boolean bool(Map<String, String> env, String key, boolean fallback) {
        var raw = env.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new AnalyzerException(key + "=" + raw + " is not true or false");
        };
    }

    public static double real(Map<String, String> env, String key, double fallback, double min, double max) {
        var raw = env.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw.trim());
            if (!(value >= min && value <= max)) {
                throw new AnalyzerException(key + "=" + raw + " is out of range [" + min + ", " + max + "]");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new AnalyzerException(key + "=" + raw + " is not a number", e);
        }
    }

    public static int integer(Map<String, String> env, String key, int fallback, int min, int max) {
        var raw = env.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new AnalyzerException(key + "=" + raw + " is out of range [" + min + ", " + max + "]");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new AnalyzerException(key + "=" + raw + " is not an integer", e);
        }
    }
}
