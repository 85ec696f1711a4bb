package io.cuepoint.api.web;

import static io.cuepoint.api.Records.event;
import static io.cuepoint.api.Records.instant;
import static io.cuepoint.api.Records.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.Records;
import io.cuepoint.api.stream.StreamService;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server-sent event stream of a video, read by a plain HTTP client line by line while the real materializer
 * applies the video's records.
 */
@MicronautTest
class StreamApiTest extends HttpApiTestBase {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;
    @Inject
    StreamService streams;

    private final List<Sse> open = new ArrayList<>();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cuepoint.stream.poll-ms", "50", "cuepoint.stream.heartbeat-ms", "300",
                "cuepoint.stream.max-streams", "3");
    }

    /** One server-sent event as received; {@code name} "comment" for a comment line. */
    record Received(String name, String id, String data) {
    }

    /** An open stream, its events collected by the client's own thread. */
    final class Sse implements AutoCloseable {
        final int status;
        final List<Received> events = Collections.synchronizedList(new ArrayList<>());
        String body = "";
        private final Stream<String> lines;

        Sse(String videoId, String lastEventId) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/videos/" + videoId + "/stream"))
                    .header("X-API-Key", ApiTestBase.KEY).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            status = response.statusCode();
            lines = response.body();
            open.add(this);
            if (status == 200) {
                var reader = new Thread(this::read, "sse-client");
                reader.setDaemon(true);
                reader.start();
            } else {
                body = String.join("\n", lines.toList());
            }
        }

        private void read() {
            String name = "message";
            String id = null;
            var data = new StringBuilder();
            try {
                for (var it = lines.iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Received(name, id, data.substring(0, data.length() - 1)));
                        }
                        name = "message";
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        events.add(new Received("comment", null, line.substring(1).strip()));
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).stripLeading()).append('\n');
                    }
                }
                events.add(new Received("closed", null, ""));
            } catch (RuntimeException e) {
                events.add(new Received("closed", null, e.toString()));
            }
        }

        List<Received> named(String name) {
            synchronized (events) {
                return events.stream().filter(e -> e.name().equals(name)).toList();
            }
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    @AfterEach
    void closeStreams() {
        open.forEach(Sse::close);
        open.clear();
        await().atMost(Duration.ofSeconds(20)).until(() -> streams.openStreams() == 0);
    }

    @Test
    void sendsProgressEventsAndEndWhileTheVideoIsAnalysedAndResumesAfterTheLastEventId() throws Exception {
        String v = "stream-1";
        recreate(v, "lecture.mp4");
        var sse = new Sse(v, null);
        assertThat(sse.status).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !sse.named("progress").isEmpty());
        assertThat(sse.named("progress").get(0).data()).contains("\"status\":\"DECODING\"");

        materializer.apply(Records.progress(v, 0.5));
        materializer.apply(segment(v, 0, List.of(instant(v, "shot.cut", 1_000, 0.9),
                event(v, "motion.active", null, 20_000, 30_000, 0.7, Map.of(), null))));
        await().atMost(Duration.ofSeconds(20)).until(() -> sse.named("event").size() == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> sse.named("comment").stream()
                .anyMatch(c -> c.data().equals("heartbeat")));
        assertThat(sse.named("end")).isEmpty();
        // Heartbeats are comment lines only: no empty message events.
        assertThat(sse.named("message")).isEmpty();

        materializer.apply(Records.completed(v, 2));
        materializer.apply(segment(v, 1, List.of(instant(v, "shot.cut", 31_000, 0.9),
                instant(v, "shot.cut", 45_000, 0.8))));
        await().atMost(Duration.ofSeconds(20)).until(() -> !sse.named("closed").isEmpty());

        var received = List.copyOf(sse.events);
        var eventIds = received.stream().filter(e -> e.name().equals("event")).map(e -> Http.parse(e.data()).get("id"))
                .toList();
        var stored = ((List<Map<String, Object>>) Http.getJson(client, "/api/v1/videos/" + v + "/events").get("items"))
                .stream().map(e -> e.get("id")).toList();
        assertThat(eventIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored).hasSize(4);
        assertThat(received).filteredOn(e -> e.name().equals("event")).allSatisfy(e -> assertThat(e.id()).isNotBlank());
        // end comes last, after every event and the progress that says COMPLETED.
        var names = received.stream().map(Received::name).filter(n -> !n.equals("comment")).toList();
        assertThat(names.subList(names.size() - 2, names.size())).containsExactly("end", "closed");
        assertThat(Http.parse(sse.named("end").get(0).data())).containsEntry("status", "COMPLETED");
        assertThat(sse.named("progress").get(sse.named("progress").size() - 1).data())
                .contains("\"status\":\"COMPLETED\"");

        // Resuming after the second event: only the two later events, then end.
        String second = received.stream().filter(e -> e.name().equals("event")).toList().get(1).id();
        var resumed = new Sse(v, second);
        await().atMost(Duration.ofSeconds(20)).until(() -> !resumed.named("closed").isEmpty());
        assertThat(resumed.named("event")).extracting(e -> Http.parse(e.data()).get("id"))
                .containsExactlyElementsOf(eventIds.subList(2, 4));
        assertThat(resumed.named("end")).hasSize(1);
    }

    @Test
    void refusesUnknownVideosBadResumeIdsAndTooManyStreams() throws Exception {
        String v = "stream-2";
        recreate(v, "lecture.mp4");
        try (var missing = new Sse("nope", null); var bad = new Sse(v, "not-a-cursor")) {
            assertThat(missing.status).isEqualTo(404);
            assertThat(bad.status).isEqualTo(400);
            assertThat(missing.body).contains("no video nope");
            assertThat(bad.body).contains("Last-Event-ID");
        }
        var first = new Sse(v, null);
        var second = new Sse(v, null);
        var third = new Sse(v, null);
        assertThat(List.of(first.status, second.status, third.status)).containsOnly(200);
        try (var fourth = new Sse(v, null)) {
            assertThat(fourth.status).isEqualTo(503);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !third.named("progress").isEmpty());
        third.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> streams.openStreams() == 2);
        var again = new Sse(v, null);
        assertThat(again.status).isEqualTo(200);
    }
}
