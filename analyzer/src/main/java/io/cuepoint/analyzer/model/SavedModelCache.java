package io.cuepoint.analyzer.model;

import io.cuepoint.analyzer.AnalyzerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imported SavedModels, one folder per model and checksum: {@code <cacheDir>/<name>-<first 16 hex>/}.
 *
 * <p>An import is written to a temporary sibling and renamed into place, so a folder that exists is
 * complete. Two analyzers importing the same model at once both succeed: the rename of the later one fails
 * and it uses the earlier one's folder. A changed model has another checksum and so another folder.
 */
final class SavedModelCache {
    private static final Logger LOG = LoggerFactory.getLogger(SavedModelCache.class);

    /** Raise when TfjsImporter or TfjsGraphRewriter change what they write. */
    static final int IMPORTER_VERSION = 1;

    private final Path cacheDir;

    SavedModelCache(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /**
     * The folder of one model's import: keyed by the model files' checksum and by {@link #IMPORTER_VERSION},
     * so a release whose importer rewrites graphs differently never runs an older import.
     */
    Path folderFor(TfjsModelFiles files) {
        return cacheDir.resolve(files.name() + "-" + files.sha256().substring(0, 16) + "-i" + IMPORTER_VERSION);
    }

    /**
     * @return the SavedModel folder for {@code files}, imported now unless already cached
     * @throws AnalyzerException when the model cannot be imported (naming the model and the fetch command)
     */
    Path importIfAbsent(TfjsModelFiles files) {
        var target = folderFor(files);
        if (Files.isRegularFile(target.resolve(TfjsImporter.SAVED_MODEL_FILE))) {
            return target;
        }
        Path temp = null;
        try {
            Files.createDirectories(cacheDir);
            long started = System.nanoTime();
            temp = Files.createTempDirectory(cacheDir, target.getFileName() + ".tmp-");
            TfjsImporter.importModel(files, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Imported model {} into {} in {} ms", files.name(), target,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (IOException raced) {
                // Another process won the race: renaming onto its non-empty folder fails, and Linux reports
                // that as a plain FileSystemException ("Directory not empty"), not a subtype to catch.
                if (!Files.isRegularFile(target.resolve(TfjsImporter.SAVED_MODEL_FILE))) {
                    throw raced;
                }
                LOG.debug("Model {} was imported by another process meanwhile", files.name());
            }
            return target;
        } catch (IOException e) {
            throw new AnalyzerException("Model " + files.name() + " cannot be imported from " + files.jsonFile()
                    + ": " + e.getMessage() + ". Refetch the models with " + ModelConfig.FETCH_COMMAND, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete the temporary import {}: {}", root, e.toString());
        }
    }
}
