package io.cuepoint.api.web;

import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.VideoRepository;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/videos/{id}/media over real HTTP: the whole file, single ranges of every form byte for byte,
 * 416 past the end, and the refusals (no key, a file outside the allowed folders, a file gone).
 */
@MicronautTest
class MediaApiTest extends ApiTestBase {
    /** Not a multiple of any buffer size, so the last chunk is a partial one. */
    private static final int SIZE = 300_007;

    @Inject
    EmbeddedServer server;
    @Inject
    Database db;
    @Inject
    VideoRepository videos;

    private final HttpClient http = HttpClient.newHttpClient();
    private byte[] bytes;
    private String id;

    @BeforeAll
    void storeAClip() throws Exception {
        bytes = new byte[SIZE];
        new Random(7).nextBytes(bytes);
        id = UUID.randomUUID().toString();
        Path file = Files.createDirectories(mediaDir().resolve(id)).resolve("lecture.webm");
        Files.write(file, bytes);
        insert(id, file);
    }

    @Test
    void theWholeFileWithItsTypeAndRangeSupport() throws Exception {
        var response = get(id, null, ApiTestBase.KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("video/webm");
        assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
        assertThat(response.body()).isEqualTo(bytes);
    }

    @Test
    void oneRangeIsAnsweredWithExactlyThoseBytes() throws Exception {
        assertPartial("bytes=1000-1999", 1000, 1999);
        assertPartial("bytes=0-0", 0, 0);
        assertPartial("bytes=299000-", 299_000, SIZE - 1);
        assertPartial("bytes=-500", SIZE - 500, SIZE - 1);
        // A last byte past the end is clamped to the end (RFC 9110 14.1.2).
        assertPartial("bytes=300000-999999999", 300_000, SIZE - 1);
    }

    @Test
    void aRangePastTheEndIs416WithTheSize() throws Exception {
        var response = get(id, "bytes=" + SIZE + "-", ApiTestBase.KEY);
        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */" + SIZE);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith(Problem.MEDIA_TYPE));
        assertThat(new String(response.body())).contains("past the end of the file (" + SIZE + " bytes)");
    }

    @Test
    void severalRangesOrNonsenseGetTheWholeFile() throws Exception {
        for (String range : new String[] {"bytes=0-10,20-30", "bytes=abc-", "items=0-10", "bytes=50-10"}) {
            var response = get(id, range, ApiTestBase.KEY);
            assertThat(response.statusCode()).as(range).isEqualTo(200);
            assertThat(response.body()).as(range).isEqualTo(bytes);
        }
    }

    @Test
    void refusals() throws Exception {
        assertThat(get(id, null, null).statusCode()).isEqualTo(401);
        assertThat(get(id, null, "wrong-key").statusCode()).isEqualTo(401);
        assertThat(get(UUID.randomUUID().toString(), null, ApiTestBase.KEY).statusCode()).isEqualTo(404);

        Path outside = Files.write(dataDir.resolve("outside.webm"), new byte[] {1, 2, 3});
        String outsider = UUID.randomUUID().toString();
        insert(outsider, outside);
        var forbidden = get(outsider, null, ApiTestBase.KEY);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(new String(forbidden.body())).contains("outside the media directory");

        // A link inside the media folder that leads out of it is judged by where it leads.
        String linked = UUID.randomUUID().toString();
        Path link = Files.createDirectories(mediaDir().resolve(linked)).resolve("link.webm");
        Files.createSymbolicLink(link, outside);
        insert(linked, link);
        assertThat(get(linked, null, ApiTestBase.KEY).statusCode()).isEqualTo(403);

        String gone = UUID.randomUUID().toString();
        insert(gone, mediaDir().resolve(gone).resolve("gone.webm"));
        var missing = get(gone, null, ApiTestBase.KEY);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(missing.body())).contains("no longer stored");
    }

    private void assertPartial(String range, int first, int last) throws Exception {
        var response = get(id, range, ApiTestBase.KEY);
        assertThat(response.statusCode()).as(range).isEqualTo(206);
        assertThat(response.headers().firstValue("Content-Range")).as(range)
                .hasValue("bytes " + first + "-" + last + "/" + SIZE);
        assertThat(response.headers().firstValueAsLong("Content-Length")).as(range).hasValue(last - first + 1);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("video/webm");
        assertThat(response.body()).as(range).isEqualTo(Arrays.copyOfRange(bytes, first, last + 1));
    }

    private HttpResponse<byte[]> get(String video, String range, String key) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/videos/" + video + "/media"));
        if (range != null) {
            request.header("Range", range);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void insert(String video, Path source) {
        db.inTransaction("test", c -> {
            videos.insert(c, video, source.getFileName().toString(), source.toString(),
                    Instant.parse("2026-01-05T09:59:00Z"));
            return null;
        });
    }
}
