package io.cuepoint.api.web;

import io.cuepoint.api.ApiTestBase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.cuepoint.api.ApiTestBase.KEY;
import static io.cuepoint.api.web.Http.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads sent as raw multipart bytes, so file names reach the server exactly as an attacker would write them:
 * the size limit answers 413 naming itself, and no file name leads a file out of its video's folder.
 */
@MicronautTest
class UploadLimitsTest extends ApiTestBase {
    private static final int LIMIT = 32 * 1024;
    private static final byte[] VIDEO = "a small but real upload".getBytes();

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> extraProperties() {
        // A real broker: an accepted upload is queued, and the answer comes only after that.
        return Map.of("cuepoint.max-upload-bytes", Integer.toString(LIMIT),
                "cuepoint.kafka.bootstrap-servers", io.cuepoint.api.TestKafka.bootstrapServers());
    }

    @Test
    void anOversizedUploadIs413NamingTheLimit() throws Exception {
        for (int size : List.of(LIMIT + 1, 3 * LIMIT)) {
            HttpResponse<String> response = upload("big.mp4", new byte[size]);
            assertThat(response.statusCode()).as("%d bytes", size).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith(Problem.MEDIA_TYPE));
            Map<String, Object> problem = parse(response.body());
            assertThat(problem).containsEntry("status", 413);
            assertThat(problem.get("detail").toString()).contains(Integer.toString(LIMIT), "cuepoint.max-upload-bytes");
        }
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void hostileFileNamesStayInsideTheVideosFolder() throws Exception {
        List<String> names = List.of("../../etc/passwd", "..\\..\\x.mp4", "/etc/cron.d/evil.mp4",
                "C:\\Windows\\evil.mp4", "a\u0000b.mp4", "x".repeat(5000) + ".mp4", "..", ".hidden.mp4",
                "ok/../../../../tmp/escape.mp4");
        for (String name : names) {
            HttpResponse<String> response = upload(name, VIDEO);
            if (response.statusCode() == 400 || response.statusCode() == 413) {
                // Refused before anything was stored: the HTTP layer may reject a NUL, and Micronaut's multipart
                // decoder at times answers 413 for a 5000-character part header. Either way nothing is written.
                continue;
            }
            assertThat(response.statusCode()).as(name).isEqualTo(202);
            Map<String, Object> video = parse(response.body());
            String stored = (String) video.get("filename");
            assertThat(stored).as(name).matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");
            Path file = mediaDir().resolve((String) video.get("id")).resolve(stored);
            assertThat(file).as(name).hasBinaryContent(VIDEO);
        }
        assertThat(storedFiles()).as("every stored file sits directly in a video's folder").allSatisfy(f -> {
            assertThat(f.getParent().getParent()).isEqualTo(mediaDir());
        });
        // The path traversal names themselves must all be accepted and stored safely, not merely refused.
        assertThat(storedFiles()).hasSizeGreaterThanOrEqualTo(names.size() - 2);
        try (Stream<Path> all = Files.walk(dataDir)) {
            assertThat(all.filter(Files::isRegularFile).filter(f -> !f.startsWith(mediaDir())))
                    .as("nothing outside the media directory").isEmpty();
        }
        assertThat(Path.of("/tmp/escape.mp4")).doesNotExist();
    }

    private List<Path> storedFiles() throws IOException {
        if (!Files.exists(mediaDir())) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(mediaDir())) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private HttpResponse<String> upload(String filename, byte[] content) throws Exception {
        String boundary = "cuepoint-test-boundary";
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/api/v1/videos"))
                .header("X-API-Key", KEY)
                .timeout(java.time.Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
