package io.cuepoint.api.web;

import static io.cuepoint.api.Records.event;
import static io.cuepoint.api.Records.instant;
import static io.cuepoint.api.Records.segment;
import static io.cuepoint.api.web.Http.getJson;
import static io.cuepoint.api.web.Http.problem;
import static io.cuepoint.api.web.Http.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.api.Records;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.access.Role;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.search.EventSearchService;
import io.cuepoint.api.search.FeedPage;
import io.cuepoint.api.store.EventRepository;
import io.cuepoint.api.timeline.EventResource;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cross-video search over HTTP and through the service: filters, tenant and course bounds, cursors, validation,
 * SQL-injection strings, and replays that must not move events in the feed. Videos: {@code s-a} and {@code s-b} in
 * the default tenant's course {@code default}, {@code s-c} in its course {@code physics}, {@code s-x} in tenant
 * {@code other}.
 */
@MicronautTest
class SearchApiTest extends HttpApiTestBase {
    @Inject
    EventSearchService search;
    @Inject
    EventRepository events;

    @BeforeAll
    void seed() {
        db.inTransaction("test", c -> {
            try (var s = c.createStatement()) {
                s.execute("INSERT INTO courses (id, tenant_id, name) VALUES ('physics', 'default', 'physics')");
                s.execute("INSERT INTO tenants (id, name) VALUES ('other', 'other')");
                s.execute("INSERT INTO courses (id, tenant_id, name) VALUES ('other-c', 'other', 'default')");
            }
            Instant at = Instant.parse("2026-01-05T09:59:00Z");
            videos.insert(c, "s-a", "a.mp4", "/media/s-a/a.mp4", at);
            videos.insert(c, "s-b", "b.mp4", "/media/s-b/b.mp4", at);
            videos.insert(c, "s-c", "default", "physics", "c.mp4", "/media/s-c/c.mp4", at);
            videos.insert(c, "s-x", "other", "other-c", "x.mp4", "/media/s-x/x.mp4", at);
            return null;
        });
        for (String v : List.of("s-a", "s-b", "s-c", "s-x")) {
            materializer.apply(Records.started(v));
            materializer.apply(segment(v, 0, List.of(
                    instant(v, "shot.cut", 1_000, 0.95),
                    instant(v, "shot.cut", 12_000, 0.40),
                    event(v, "slide.shown", null, 0, 10_000, 0.9, Map.of("note", "x"), null),
                    event(v, "motion.active", null, 20_000, 30_000, 0.7, Map.of(), new Fragment(0, false, true)))));
        }
    }

    @Test
    void filtersByTypeVideoCourseTimeAndConfidence() {
        assertThat(ids("/api/v1/events")).hasSize(12).noneMatch(i -> i.startsWith("s-x"));
        assertThat(ids("/api/v1/events?type=shot.cut")).hasSize(6);
        assertThat(ids("/api/v1/events?type=shot.cut,slide.shown&video=s-b")).hasSize(3)
                .allMatch(i -> i.startsWith("s-b "));
        assertThat(ids("/api/v1/events?type=shot.cut&type=motion.active&course=physics")).hasSize(3)
                .allMatch(i -> i.startsWith("s-c "));
        assertThat(ids("/api/v1/events?course=default,physics&minConfidence=0.8")).hasSize(6);
        // Overlap with [11 s, 21 s]: the second cut and the motion interval.
        assertThat(ids("/api/v1/events?from=11000&to=21000&video=s-a"))
                .containsExactlyInAnyOrder("s-a shot.cut 12000", "s-a motion.active 20000");
        assertThat(ids("/api/v1/events?video=s-x")).isEmpty();
        assertThat(ids("/api/v1/events?course=other-c")).isEmpty();
    }

    @Test
    void pagesFollowTheFeedAndTheLastCursorPollsForLaterChanges() {
        var first = page("/api/v1/events?limit=5");
        assertThat((List<?>) first.get("items")).hasSize(5);
        assertThat(first).containsEntry("more", true);
        var seen = new java.util.ArrayList<String>(ids(first));
        String cursor = (String) first.get("nextCursor");
        Map<String, Object> p;
        do {
            p = page("/api/v1/events?limit=5&cursor=" + cursor);
            seen.addAll(ids(p));
            cursor = (String) p.get("nextCursor");
        } while (Boolean.TRUE.equals(p.get("more")));
        assertThat(seen).hasSize(12).doesNotHaveDuplicates();
        assertThat(cursor).isNotBlank();

        // Nothing new: the same cursor answers an empty page and itself.
        var idle = page("/api/v1/events?cursor=" + cursor);
        assertThat((List<?>) idle.get("items")).isEmpty();
        assertThat(idle).containsEntry("nextCursor", cursor).containsEntry("more", false);

        // Replaying a segment writes identical rows: nothing moves. The next segment extends the motion chain:
        // the merged event changed and comes again, with the new events.
        materializer.apply(segment("s-a", 0, List.of(
                instant("s-a", "shot.cut", 1_000, 0.95),
                instant("s-a", "shot.cut", 12_000, 0.40),
                event("s-a", "slide.shown", null, 0, 10_000, 0.9, Map.of("note", "x"), null),
                event("s-a", "motion.active", null, 20_000, 30_000, 0.7, Map.of(), new Fragment(0, false, true)))));
        assertThat((List<?>) page("/api/v1/events?cursor=" + cursor).get("items")).isEmpty();
        materializer.apply(segment("s-a", 1, List.of(
                event("s-a", "motion.active", null, 30_000, 35_000, 0.7, Map.of(), new Fragment(1, true, false)),
                instant("s-a", "shot.cut", 33_000, 0.9))));
        var later = page("/api/v1/events?cursor=" + cursor);
        assertThat(ids(later)).containsExactlyInAnyOrder("s-a motion.active 20000", "s-a shot.cut 33000");
        var motion = ((List<Map<String, Object>>) later.get("items")).stream()
                .filter(e -> e.get("type").equals("motion.active")).findFirst().orElseThrow();
        assertThat(motion).containsEntry("endMs", 35_000);
        // Replaying both segments again: still nothing new.
        materializer.apply(segment("s-a", 1, List.of(
                event("s-a", "motion.active", null, 30_000, 35_000, 0.7, Map.of(), new Fragment(1, true, false)),
                instant("s-a", "shot.cut", 33_000, 0.9))));
        assertThat((List<?>) page("/api/v1/events?cursor=" + later.get("nextCursor")).get("items")).isEmpty();
    }

    @Test
    void aPrincipalReadsOnlyItsTenantAndCourses() {
        var physicsOnly = new Principal("default", "user:u1", Role.FACULTY, Set.of(Scope.EVENTS_READ),
                Set.of("physics"), false);
        FeedPage page = search.search(physicsOnly, List.of(), null, List.of(), null, null, null, 1000, null);
        assertThat(page.items()).extracting(EventResource::videoId).containsOnly("s-c").hasSize(4);
        // Asking for a course it does not reach narrows to nothing, never widens.
        assertThat(search.search(physicsOnly, List.of("default"), null, List.of(), null, null, null, 1000, null)
                .items()).isEmpty();
        var otherTenant = new Principal("other", "user:u2", Role.ADMIN, Set.of(Scope.EVENTS_READ), null, false);
        assertThat(search.search(otherTenant, List.of(), null, List.of(), null, null, null, 1000, null).items())
                .extracting(EventResource::videoId).containsOnly("s-x").hasSize(4);
        assertThat(search.search(otherTenant, List.of(), "s-a", List.of(), null, null, null, 1000, null).items())
                .isEmpty();
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        assertThat(detail("/api/v1/events?limit=0")).contains("limit");
        assertThat(detail("/api/v1/events?limit=1001")).contains("limit");
        assertThat(detail("/api/v1/events?minConfidence=1.5")).contains("minConfidence");
        assertThat(detail("/api/v1/events?from=-1")).contains("from");
        assertThat(detail("/api/v1/events?from=abc")).contains("from");
        assertThat(detail("/api/v1/events?from=500&to=100")).contains("from").contains("to");
        assertThat(detail("/api/v1/events?cursor=nope")).contains("cursor");
        assertThat(detail("/api/v1/events?cursor=" + java.util.Base64.getUrlEncoder().encodeToString(
                "f1.-5.2".getBytes(StandardCharsets.US_ASCII)))).contains("cursor");
        assertThat(detail("/api/v1/events?type=" + "t".repeat(300))).contains("type");
        problem(client, HttpRequest.GET("/api/v1/events"), 401);
    }

    @Test
    void sqlInjectionStringsInEveryFilterAnswerEmptyOrBadRequestAndChangeNothing() {
        long before = count();
        List<String> attacks = List.of("' OR '1'='1", "x'; DELETE FROM events; --", "1) OR (1=1",
                "s-a' UNION SELECT json FROM events --", "\\'; DROP TABLE events; --", "%' OR tenant_id LIKE '%");
        for (String attack : attacks) {
            String q = URLEncoder.encode(attack, StandardCharsets.UTF_8);
            for (String parameter : List.of("course", "video", "type")) {
                var p = page("/api/v1/events?" + parameter + "=" + q);
                assertThat((List<?>) p.get("items")).as("%s=%s", parameter, attack).isEmpty();
            }
            for (String parameter : List.of("from", "to", "minConfidence", "limit", "cursor")) {
                problem(client, withKey(HttpRequest.GET("/api/v1/events?" + parameter + "=" + q)), 400);
            }
        }
        assertThat(count()).isEqualTo(before);
        assertThat(ids("/api/v1/events?limit=1000")).hasSizeGreaterThanOrEqualTo(12);
    }

    private long count() {
        return db.read("test", c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM events")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private String detail(String uri) {
        return (String) problem(client, withKey(HttpRequest.GET(uri)), 400).get("detail");
    }

    private Map<String, Object> page(String uri) {
        return getJson(client, uri);
    }

    private List<String> ids(String uri) {
        return ids(page(uri));
    }

    /** Events as "video type start", readable in assertions. */
    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .map(e -> e.get("videoId") + " " + e.get("type") + " " + e.get("startMs")).toList();
    }
}
