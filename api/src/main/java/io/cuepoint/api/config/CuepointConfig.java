package io.cuepoint.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

import java.nio.file.Path;
import java.util.List;

/**
 * The api's settings, keys under {@code cuepoint.*} (environment variables {@code CUEPOINT_*}).
 *
 * @param dataDir           {@code cuepoint.data-dir}: where the api keeps its state; default {@code ~/.cuepoint}
 * @param mediaDir          {@code cuepoint.media-dir}: where uploaded videos are stored, one folder per video;
 *                          default {@code <data-dir>/media}. Ingest workers must be able to read it.
 * @param apiKeys           {@code cuepoint.api-keys} (env {@code CUEPOINT_API_KEYS}, comma-separated): the keys
 *                          accepted on {@code /api/v1/**}; required, start-up fails without one
 * @param allowServerPaths  {@code cuepoint.allow-server-paths}: whether clients may submit a file that is already
 *                          on the server by its path; default false
 * @param serverPathRoots   {@code cuepoint.server-path-roots}: directories under which such paths must lie;
 *                          default none
 * @param maxUploadBytes    {@code cuepoint.max-upload-bytes}: largest accepted upload in bytes; default 4 GiB
 */
@ConfigurationProperties("cuepoint")
public record CuepointConfig(
        @Bindable(defaultValue = "${user.home}/.cuepoint") Path dataDir,
        @Nullable Path mediaDir,
        @Nullable List<String> apiKeys,
        @Bindable(defaultValue = "false") boolean allowServerPaths,
        @Nullable List<Path> serverPathRoots,
        @Bindable(defaultValue = "4294967296") @Positive long maxUploadBytes) {

    public CuepointConfig {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        if (apiKeys.isEmpty()) {
            throw new ConfigurationException("no API key configured: set cuepoint.api-keys "
                    + "(environment variable CUEPOINT_API_KEYS, comma-separated) to at least one key");
        }
        serverPathRoots = serverPathRoots == null ? List.of() : List.copyOf(serverPathRoots);
    }

    /** The media directory, absolute. */
    public Path mediaDirectory() {
        return (mediaDir != null ? mediaDir : dataDir.resolve("media")).toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        // Never log the keys themselves.
        return "CuepointConfig[dataDir=" + dataDir + ", mediaDir=" + mediaDirectory() + ", apiKeys=" + apiKeys.size()
                + " key(s), allowServerPaths=" + allowServerPaths + ", serverPathRoots=" + serverPathRoots
                + ", maxUploadBytes=" + maxUploadBytes + "]";
    }
}
