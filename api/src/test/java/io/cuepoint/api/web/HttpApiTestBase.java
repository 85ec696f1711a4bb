package io.cuepoint.api.web;

import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.Records;
import io.cuepoint.api.materialize.EventMaterializer;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.VideoRepository;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;

/**
 * An api test that materializes crafted records and reads them back over HTTP: the blocking client on the test
 * server, the materializer and the store.
 */
abstract class HttpApiTestBase extends ApiTestBase {
    @Inject
    @Client("/")
    HttpClient httpClient;
    @Inject
    EventMaterializer materializer;
    @Inject
    Database db;
    @Inject
    VideoRepository videos;

    BlockingHttpClient client;

    @BeforeAll
    void openClient() {
        client = httpClient.toBlocking();
    }

    /** Deletes the video if it exists and submits it afresh, decoding started, so it takes segments again. */
    void recreate(String id, String filename) {
        db.inTransaction("test", c -> {
            videos.delete(c, id);
            videos.insert(c, id, filename, "/media/" + id + "/" + filename, Instant.parse("2026-01-05T09:59:00Z"));
            return null;
        });
        materializer.apply(Records.started(id));
    }
}
