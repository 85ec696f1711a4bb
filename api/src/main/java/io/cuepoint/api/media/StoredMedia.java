package io.cuepoint.api.media;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.config.CuepointConfig;
import io.cuepoint.api.store.Video;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the stored original of a video for playback. A video's source path comes from the database, so it is
 * checked again here: only a regular file inside the media directory or one of the server path roots is
 * served, after links are resolved, whatever the row says.
 */
@Singleton
public final class StoredMedia {
    /** By file extension; browsers decide whether they can play a file from its type. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("webm", "video/webm"), Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/mp4"),
            Map.entry("mov", "video/quicktime"), Map.entry("mkv", "video/x-matroska"),
            Map.entry("avi", "video/x-msvideo"), Map.entry("ogv", "video/ogg"), Map.entry("ogg", "video/ogg"),
            Map.entry("mpg", "video/mpeg"), Map.entry("mpeg", "video/mpeg"), Map.entry("ts", "video/mp2t"),
            Map.entry("wav", "audio/wav"), Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"));

    private final CuepointConfig config;

    public StoredMedia(CuepointConfig config) {
        this.config = config;
    }

    /**
     * The readable file of a video.
     *
     * @throws ApiException 404 when the file is gone, 403 when it lies outside the allowed folders
     */
    public Path file(Video video) {
        Path real;
        try {
            real = Path.of(video.sourcePath()).toRealPath();
        } catch (IOException | RuntimeException e) {
            throw ApiException.notFound("the media of video " + video.id() + " is no longer stored");
        }
        if (roots().stream().noneMatch(real::startsWith)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "the media of video " + video.id()
                    + " lies outside the media directory and the server path roots, so it is not served");
        }
        if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
            throw ApiException.notFound("the media of video " + video.id() + " is not a readable file");
        }
        return real;
    }

    /**
     * Opens the bytes of one range of a file; the stream ends after the range. The server reads it in chunks as
     * the client takes them, so nothing holds the file in memory.
     */
    public static InputStream open(Path file, ByteRange range) {
        try {
            FileChannel channel = FileChannel.open(file);
            channel.position(range.first());
            return new Bounded(Channels.newInputStream(channel), range.length());
        } catch (IOException e) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "cannot read the stored media " + file, e);
        }
    }

    /** The content type for a file name, by its extension; application/octet-stream when unknown. */
    public static MediaType contentType(String filename) {
        int dot = filename.lastIndexOf('.');
        String ext = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return new MediaType(TYPES.getOrDefault(ext, MediaType.APPLICATION_OCTET_STREAM));
    }

    private List<Path> roots() {
        var roots = new ArrayList<Path>();
        roots.add(realOrSelf(config.mediaDirectory()));
        config.serverPathRoots().forEach(r -> roots.add(realOrSelf(r.toAbsolutePath().normalize())));
        return roots;
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    /** Ends after a number of bytes. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }
    }
}
