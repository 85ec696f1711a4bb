package io.cuepoint.api.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multipart uploads written byte for byte, so a file name reaches the server exactly as an attacker spells it
 * (an HTTP client library would quote or clean it), and the check that every stored file stayed in its folder.
 */
final class RawUploads {
    /** Marks the names below, so an escaped file can be looked for by name. */
    static final String ESCAPE = "cuepoint-escape-" + UUID.randomUUID().toString().substring(0, 8);
    static final List<String> HOSTILE_NAMES = List.of("../../../" + ESCAPE + ".mp4", "..\\..\\" + ESCAPE + ".mp4",
            "/tmp/" + ESCAPE + ".mp4", "ok/../../../../" + ESCAPE + ".mp4", "..", ".", "%2e%2e%2f" + ESCAPE + ".mp4",
            "\u2025/" + ESCAPE + ".mp4", "..%c0%af" + ESCAPE + ".mp4");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final int port;
    private final String credential;
    private final Path dataDir;
    private final Path mediaDir;

    RawUploads(int port, String credential, Path dataDir, Path mediaDir) {
        this.port = port;
        this.credential = credential;
        this.dataDir = dataDir;
        this.mediaDir = mediaDir;
    }

    HttpResponse<String> send(String path, String filename, byte[] content) throws IOException, InterruptedException {
        String boundary = "security-suite-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + credential).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Every file under the data directory is media/&lt;video&gt;/&lt;name&gt;; no marked file anywhere near. */
    void assertNothingEscaped() throws IOException {
        try (Stream<Path> all = Files.walk(dataDir)) {
            assertThat(all.filter(Files::isRegularFile).toList()).as("files under " + dataDir).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.getParent().getParent()).as(f.toString()).isEqualTo(mediaDir));
        }
        for (Path near : List.of(dataDir.getParent(), dataDir, mediaDir, Path.of("/tmp"), Path.of("/"))) {
            try (Stream<Path> files = Files.list(near)) {
                assertThat(files.map(Path::toString)).as("in " + near).noneMatch(n -> n.contains(ESCAPE));
            }
        }
    }
}
