package io.cuepoint.api.media;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.config.CuepointConfig;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The local media store: one folder per video under {@code cuepoint.media-dir}, and the rules for files that
 * are already on the server.
 */
@Singleton
public final class MediaStore {
    private static final Logger LOG = LoggerFactory.getLogger(MediaStore.class);
    private static final int MAX_NAME = 200;

    private final CuepointConfig config;

    public MediaStore(CuepointConfig config) {
        this.config = config;
    }

    /**
     * Streams an upload to {@code <media-dir>/<videoId>/<sanitized name>}, never holding it in memory.
     *
     * @return the absolute path of the stored file
     * @throws ApiException 413 past {@code cuepoint.max-upload-bytes}, 400 when empty
     */
    public Path store(String videoId, String filename, InputStream in) {
        return store(videoId, filename, in, config.maxUploadBytes(), "cuepoint.max-upload-bytes", "upload");
    }

    /**
     * Streams content to {@code <media-dir>/<videoId>/<sanitized name>}; on any failure the video's folder is
     * removed again, so no partial file stays behind.
     *
     * @param max      the most bytes accepted
     * @param limitKey the setting behind {@code max}, named in the 413
     * @param what     "upload" or "download", for messages
     * @throws ApiException 413 past {@code max}, 400 when empty
     */
    public Path store(String videoId, String filename, InputStream in, long max, String limitKey, String what) {
        Path dir = folder(videoId);
        Path target = dir.resolve(sanitize(filename)).normalize();
        if (!dir.equals(target.getParent())) {
            throw ApiException.badRequest("invalid file name");
        }
        try {
            Files.createDirectories(dir);
            long total = 0;
            try (in; OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    total += n;
                    if (total > max) {
                        throw tooLarge(what, max, limitKey, null);
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (total == 0) {
                throw ApiException.badRequest("the " + what + " is empty");
            }
            return target;
        } catch (IOException e) {
            delete(videoId);
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ContentLengthExceededException) {
                    // The server's own limit (micronaut.server.multipart.max-file-size) stopped the stream.
                    throw tooLarge(what, max, limitKey, e);
                }
            }
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "cannot store the " + what, e);
        } catch (RuntimeException e) {
            delete(videoId);
            throw e;
        }
    }

    /** The 413 for content past a limit. */
    public static ApiException tooLarge(String what, long max, String limitKey, Throwable cause) {
        return new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "the " + what + " is larger than the limit of "
                + max + " bytes (" + limitKey + ")", cause);
    }

    /**
     * Checks a server-side path a client submitted: allowed at all, absolute, under a configured root (after
     * resolving links), an existing readable regular file.
     */
    public Path serverFile(String path) {
        if (!config.allowServerPaths()) {
            throw new ApiException(HttpStatus.FORBIDDEN,
                    "submitting server paths is disabled (cuepoint.allow-server-paths)");
        }
        Path p;
        try {
            p = Path.of(path);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("not a valid path: " + path);
        }
        if (!p.isAbsolute()) {
            throw ApiException.badRequest("the path must be absolute: " + path);
        }
        p = p.normalize();
        if (!underRoot(p)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "the path is not under an allowed root "
                    + "(cuepoint.server-path-roots)");
        }
        if (!Files.exists(p)) {
            throw ApiException.notFound("no such file: " + path);
        }
        try {
            Path real = p.toRealPath();
            if (!underRoot(real)) {
                throw new ApiException(HttpStatus.FORBIDDEN, "the path leads outside the allowed roots");
            }
            if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
                throw ApiException.badRequest("not a readable regular file: " + path);
            }
            return real;
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read " + path + ": " + e.getMessage());
        }
    }

    /** Removes a video's folder, if any. */
    public void delete(String videoId) {
        Path dir = folder(videoId);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot remove the media folder {}", dir, e);
        }
    }

    /** The folder of one video; ids come from the api, but never trust them to stay inside the store. */
    public Path folder(String videoId) {
        Path root = config.mediaDirectory();
        Path dir = root.resolve(videoId).normalize();
        if (!dir.getParent().equals(root)) {
            throw ApiException.badRequest("invalid video id");
        }
        return dir;
    }

    /** Keeps the last path element, letters, digits, dot, dash and underscore; never empty, never hidden. */
    static String sanitize(String filename) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        if (name.length() > MAX_NAME) {
            name = name.substring(name.length() - MAX_NAME);
        }
        return name.isBlank() ? "video" : name;
    }

    private boolean underRoot(Path p) {
        for (Path root : config.serverPathRoots()) {
            Path r = root.toAbsolutePath().normalize();
            if (p.startsWith(r)) {
                return true;
            }
            try {
                if (Files.exists(r) && p.startsWith(r.toRealPath())) {
                    return true;
                }
            } catch (IOException e) {
                LOG.warn("cannot resolve the server path root {}", r, e);
            }
        }
        return false;
    }
}
