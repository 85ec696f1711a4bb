package io.cuepoint.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import cache as several analyzer processes sharing one data directory use it. */
class SavedModelCacheTest {
    @TempDir
    Path cache;

    @Test
    void importersRacingIntoAnEmptyCacheAllGetTheOneImport() throws Exception {
        var files = TfjsModelFiles.locate(TestModels.config().modelsDir(), "emotion");
        int racers = 4;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(racers);
        try {
            var results = new ArrayList<Future<Path>>();
            for (int i = 0; i < racers; i++) {
                // A cache object each, as separate processes have: only the file system is shared.
                Callable<Path> importer = () -> {
                    start.await();
                    return new SavedModelCache(cache).importIfAbsent(files);
                };
                results.add(pool.submit(importer));
            }
            start.countDown();
            var expected = new SavedModelCache(cache).folderFor(files);
            for (var result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
            assertThat(expected.resolve(TfjsImporter.SAVED_MODEL_FILE)).isRegularFile();
            try (var entries = Files.list(cache)) {
                assertThat(entries.toList()).as("no temporary imports left behind").containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
