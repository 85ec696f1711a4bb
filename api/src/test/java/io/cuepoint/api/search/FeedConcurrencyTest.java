package io.cuepoint.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.Records;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.EventRepository;
import io.cuepoint.api.store.StoredVideos;
import io.cuepoint.api.store.VideoRepository;
import io.cuepoint.api.timeline.EventResource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Paging through the feed while a writer commits out of order: in each round the writer opens transaction A and
 * writes to it, then writes and commits transaction B (a later transaction id, committed first), waits until the
 * reader has read more pages, and only then commits A (or rolls it back). B also upserts existing events unchanged,
 * which must not move them. A reader ordering by write order alone would serve B's rows and step over A's.
 */
@MicronautTest
class FeedConcurrencyTest extends ApiTestBase {
    private static final int EXISTING = 150;
    private static final int ROUNDS = 24;

    @Inject
    Database db;
    @Inject
    DataSource dataSource;
    @Inject
    VideoRepository videos;
    @Inject
    EventRepository events;
    @Inject
    EventSearchService search;

    @Test
    void pagingUnderConcurrentWritesNeverSkipsOrRepeats() throws Exception {
        List<String> videoIds = List.of(StoredVideos.insert(db, videos, "a.mp4"),
                StoredVideos.insert(db, videos, "b.mp4"), StoredVideos.insert(db, videos, "c.mp4"));
        var existing = new ArrayList<Event>();
        for (int i = 0; i < EXISTING; i++) {
            existing.add(Records.event(videoIds.get(i % 3), "test.existing", null, i * 1000L, i * 1000L + 500, 0.5,
                    Map.of("n", i, "text", "a, \"quoted\" value"), null));
        }
        db.inTransaction("seed", c -> {
            for (Event e : existing) {
                events.upsertEvent(c, e, null, false);
            }
            return null;
        });

        var principal = Principal.operator("operator:test");
        var pagesRead = new Semaphore(0);
        var writerDone = new AtomicBoolean();
        var collected = Collections.synchronizedList(new ArrayList<String>());
        var committed = Collections.synchronizedSet(new HashSet<String>());
        var rolledBack = Collections.synchronizedSet(new HashSet<String>());
        existing.forEach(e -> committed.add(e.id()));

        var writer = CompletableFuture.runAsync(() -> {
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    write(round, videoIds, existing, pagesRead, committed, rolledBack);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                writerDone.set(true);
            }
        });

        String cursor = null;
        int pages = 0;
        while (!writerDone.get()) {
            FeedPage page = search.search(principal, List.of(), null, List.of(), null, null, null, 7, cursor);
            page.items().forEach(e -> collected.add(e.id()));
            cursor = page.nextCursor();
            pages++;
            pagesRead.release();
        }
        writer.get(2, TimeUnit.MINUTES);
        // Every event that existed before the first page came while the writer was busy, exactly once.
        assertThat(collected).as("after %d pages", pages).containsAll(existing.stream().map(Event::id).toList())
                .doesNotHaveDuplicates();

        String[] last = {cursor};
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            FeedPage page;
            do {
                page = search.search(principal, List.of(), null, List.of(), null, null, null, 50, last[0]);
                page.items().stream().map(EventResource::id).forEach(collected::add);
                last[0] = page.nextCursor();
            } while (page.more());
            assertThat(new HashSet<>(collected)).containsAll(committed);
        });
        assertThat(collected).doesNotHaveDuplicates().hasSize(committed.size()).doesNotContainAnyElementsOf(rolledBack);
        assertThat(committed).hasSizeGreaterThan(EXISTING + ROUNDS * 3);
        assertThat(rolledBack).isNotEmpty();
    }

    /** One round: A opened and written first, B written and committed, then A committed or rolled back. */
    private void write(int round, List<String> videoIds, List<Event> existing, Semaphore pagesRead,
                       Set<String> committed, Set<String> rolledBack) throws SQLException, InterruptedException {
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            var inA = insert(a, round, "a", videoIds);
            var inB = insert(b, round, "b", videoIds);
            for (int i = 0; i < 3; i++) {
                events.upsertEvent(b, existing.get((round * 5 + i) % existing.size()), null, false);
            }
            try (var ps = b.prepareStatement("UPDATE events SET json = json, confidence = confidence WHERE id = ?")) {
                ps.setString(1, existing.get(round % existing.size()).id());
                ps.executeUpdate();
            }
            b.commit();
            committed.addAll(inB);
            // A stays open, holding back what B committed, while the reader reads on.
            assertThat(pagesRead.tryAcquire(2, 30, TimeUnit.SECONDS)).as("the reader reads on").isTrue();
            pagesRead.drainPermits();
            if (round % 5 == 3) {
                a.rollback();
                rolledBack.addAll(inA);
            } else {
                a.commit();
                committed.addAll(inA);
            }
            a.setAutoCommit(true);
            b.setAutoCommit(true);
        }
    }

    private List<String> insert(Connection c, int round, String tx, List<String> videoIds) throws SQLException {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            Event e = Records.event(videoIds.get(i), "test." + tx, null, 1_000_000L + round * 10_000L + i, 1_000_000L
                    + round * 10_000L + i, 0.9, Map.of("round", round), null);
            events.upsertEvent(c, e, null, false);
            ids.add(e.id());
        }
        return ids;
    }
}
