package io.cuepoint.api.store;

import io.cuepoint.api.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A database holding tracked rows from before tracks were joined upgrades to serve them unchanged. */
class TrackMigrationTest {

    @Test
    void tracksStoredBeforeJoiningBecomeTheirOwnCanonicalTracks() throws Exception {
        String url = TestPostgres.newDatabase();
        Flyway.configure().dataSource(url, "postgres", "postgres").target("1").load().migrate();
        try (var c = DriverManager.getConnection(url, "postgres", "postgres"); var s = c.createStatement()) {
            s.execute("INSERT INTO videos (id, filename, source_path, status) "
                    + "VALUES ('v', 'a.mp4', '/a.mp4', 'ANALYZING')");
            s.execute("INSERT INTO fragments (id, video_id, segment, type, track, open_start, open_end, start_ms, "
                    + "end_ms, json) VALUES ('f1', 'v', 2, 'person.present', 'person-2', true, false, 60000, 61000, '{}'), "
                    + "('f2', 'v', 1, 'person.present', 'person-2', false, true, 50000, 59000, '{}')");
            s.execute("INSERT INTO events (id, video_id, type, start_ms, end_ms, start_frame, end_frame, confidence, "
                    + "track, merged, json) VALUES ('e1', 'v', 'person.present', 50000, 61000, 1250, 1525, 0.9, "
                    + "'person-2', true, '{}'), "
                    + "('e2', 'v', 'face.detected', 100, 100, 2, 2, 0.9, 'face-1', false, '{}')");
        }

        Flyway.configure().dataSource(url, "postgres", "postgres").load().migrate();

        try (var c = DriverManager.getConnection(url, "postgres", "postgres"); var s = c.createStatement()) {
            var tracks = new ArrayList<List<Object>>();
            try (var rs = s.executeQuery("SELECT track, segment, canonical FROM local_tracks ORDER BY track")) {
                while (rs.next()) {
                    tracks.add(List.of(rs.getString(1), rs.getInt(2), rs.getString(3)));
                }
            }
            assertThat(tracks).containsExactly(List.of("face-1", 0, "face-1"), List.of("person-2", 1, "person-2"));
            var localTracks = new ArrayList<String>();
            try (var rs = s.executeQuery("SELECT id || '=' || coalesce(local_track, '-') FROM events ORDER BY id")) {
                while (rs.next()) {
                    localTracks.add(rs.getString(1));
                }
            }
            assertThat(localTracks).containsExactly("e1=-", "e2=face-1");
        }
    }
}
