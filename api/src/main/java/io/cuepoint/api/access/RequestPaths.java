package io.cuepoint.api.access;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a request path says about the video it names, the same way for access checks and the audit log. */
public final class RequestPaths {
    private static final Pattern VIDEO = Pattern.compile("^/api/v1/videos/([^/]+)(/.*)?$");

    private RequestPaths() {
    }

    /** The id in {@code /api/v1/videos/{id}} and {@code /api/v1/videos/{id}/**}; null for other paths. */
    @Nullable
    public static String videoId(String path) {
        Matcher m = VIDEO.matcher(path);
        return m.matches() && !m.group(1).isBlank() ? m.group(1) : null;
    }

    /** Whether the path is {@code /api/v1/videos/{id}/media}, the one place a media link's token is accepted. */
    public static boolean isMedia(String path) {
        Matcher m = VIDEO.matcher(path);
        return m.matches() && "/media".equals(m.group(2));
    }
}
