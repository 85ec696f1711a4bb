package io.cuepoint.api.media;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.config.CuepointConfig;
import io.cuepoint.api.config.EgressConfig;
import io.cuepoint.api.egress.EgressClient;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches a URL source into the media store through the {@link EgressClient}: refused addresses, the size limit
 * ({@code cuepoint.egress.max-download-bytes}, checked against Content-Length up front and while streaming) and
 * the time limit ({@code cuepoint.egress.download-timeout}) all apply. Nothing stays behind when it fails.
 */
@Singleton
public final class MediaDownloader {
    private static final Pattern EXTENDED_NAME = Pattern.compile("filename\\*\\s*=\\s*[^']*'[^']*'([^;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN_NAME = Pattern.compile("filename\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)",
            Pattern.CASE_INSENSITIVE);

    private final MediaStore media;
    private final EgressClient egress;
    private final EgressConfig config;
    private final long max;

    public MediaDownloader(MediaStore media, EgressClient egress, EgressConfig config, CuepointConfig cuepoint) {
        this.media = media;
        this.egress = egress;
        this.config = config;
        this.max = config.downloadLimit(cuepoint);
    }

    /**
     * Downloads {@code uri} to the folder of {@code videoId}.
     *
     * @return the stored file
     * @throws ApiException 400 refused URL, 413 too large, 502 upstream error status, 504 too slow
     */
    public Path download(String videoId, URI uri) {
        try {
            return egress.get(uri, config.downloadTimeout(), (at, response) -> {
                HttpEntity entity = response.getEntity();
                if (entity == null) {
                    throw new ApiException(HttpStatus.BAD_GATEWAY, at + " answered without a body");
                }
                if (entity.getContentLength() > max) {
                    throw MediaStore.tooLarge("download", max, config.downloadLimitKey(), null);
                }
                return media.store(videoId, fileName(response.getFirstHeader("Content-Disposition"), at),
                        entity.getContent(), max, config.downloadLimitKey(), "download");
            });
        } catch (ApiException e) {
            media.delete(videoId);
            if (e.status() == HttpStatus.GATEWAY_TIMEOUT) {
                throw new ApiException(e.status(), e.getMessage() + " (cuepoint.egress.download-timeout)", e);
            }
            throw e;
        }
    }

    /** The Content-Disposition file name (RFC 6266, extended form first), else the last segment of the path. */
    static String fileName(@Nullable Header disposition, URI uri) {
        if (disposition != null && disposition.getValue() != null) {
            Matcher extended = EXTENDED_NAME.matcher(disposition.getValue());
            if (extended.find()) {
                try {
                    return URLDecoder.decode(extended.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    // A malformed escape: fall back to the plain name or the path.
                }
            }
            Matcher plain = PLAIN_NAME.matcher(disposition.getValue());
            if (plain.find()) {
                return plain.group(2) != null ? plain.group(2) : plain.group(1);
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "video" : last;
    }
}
