package io.cuepoint.analyzer.model;

import io.cuepoint.analyzer.AnalyzerException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks the {@code native/lib} folder of a TensorFlow native jar into a cache folder, once per machine.
 *
 * <p>The files (about 1.1 GB) are written to a temporary sibling, the marker file last, and the sibling is
 * then renamed into place, so a folder that exists is complete. A file lock beside the folder serialises
 * analyzers that start at the same time; whoever waited finds the folder complete and uses it.
 */
final class NativeExtractor {
    /** Written last: its presence means every library was unpacked. */
    static final String MARKER = ".complete";
    private static final String PREFIX = "native/lib/";
    private static final Logger LOG = LoggerFactory.getLogger(NativeExtractor.class);
    /** File locks are per JVM, not per thread: threads of one JVM queue here first. */
    private static final Object JVM_LOCK = new Object();

    private final Path folder;

    NativeExtractor(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    Path folder() {
        return folder;
    }

    boolean isComplete() {
        return Files.isRegularFile(folder.resolve(MARKER))
                && Files.isRegularFile(folder.resolve(TensorFlowNatives.JNI_LIBRARY));
    }

    /**
     * Unpacks the jar unless another thread or process has done so meanwhile.
     *
     * @return the complete folder
     * @throws AnalyzerException when the jar cannot be read or the folder cannot be written
     */
    Path extractFrom(Path jar) {
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(folder.getParent());
                var lockFile = folder.resolveSibling(folder.getFileName() + ".lock");
                try (var channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     var ignored = channel.lock()) {
                    if (!isComplete()) {
                        unpack(jar);
                    }
                }
                return folder;
            } catch (IOException e) {
                throw new AnalyzerException("Cannot unpack the TensorFlow natives from " + jar + " into " + folder
                        + " (about 1.1 GB of free space needed): " + e.getMessage(), e);
            }
        }
    }

    private void unpack(Path jar) throws IOException {
        LOG.info("Unpacking TensorFlow native libraries (about 1.1 GB) from {} into {}", jar, folder);
        long started = System.nanoTime();
        var temp = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".tmp-");
        try {
            int files = 0;
            try (var zip = new ZipFile(jar.toFile())) {
                for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                    var entry = entries.nextElement();
                    var name = entry.getName();
                    if (entry.isDirectory() || !name.startsWith(PREFIX) || name.indexOf('/', PREFIX.length()) >= 0) {
                        continue;
                    }
                    try (var in = zip.getInputStream(entry)) {
                        Files.copy(in, temp.resolve(name.substring(PREFIX.length())));
                    }
                    files++;
                }
            }
            if (!Files.isRegularFile(temp.resolve(TensorFlowNatives.JNI_LIBRARY))) {
                throw new IOException(jar + " holds no " + PREFIX + TensorFlowNatives.JNI_LIBRARY);
            }
            Files.writeString(temp.resolve(MARKER), jar + "\n");
            // A leftover without its marker (a crash of an older layout) would block the rename.
            deleteTree(folder);
            Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Unpacked {} TensorFlow native files in {} ms", files, (System.nanoTime() - started) / 1_000_000);
        } finally {
            deleteTree(temp);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
