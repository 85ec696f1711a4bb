package io.cuepoint.api.eval;

import io.cuepoint.api.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One clip of an evaluation corpus: its truth file, the truth, and the clip it names (absolute, or relative
 * to the truth file's folder).
 */
public record CorpusClip(Path truthFile, GroundTruth truth, Path clip) {
    public static final String SUFFIX = ".truth.json";

    /**
     * Every {@code *.truth.json} under {@code dir} (recursively), in path order, each read and its clip
     * resolved.
     *
     * @throws ApiException when the folder holds no truth, a truth cannot be read or names a missing clip
     */
    public static List<CorpusClip> find(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw ApiException.badRequest("corpus " + dir + " is not a folder; make one with cuepoint corpus");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw ApiException.badRequest("cannot list corpus " + dir + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw ApiException.badRequest("no *" + SUFFIX + " file under " + dir);
        }
        var clips = new ArrayList<CorpusClip>();
        for (Path file : files) {
            clips.add(read(file));
        }
        return clips;
    }

    /** Reads one truth file and resolves its clip. */
    public static CorpusClip read(Path truthFile) {
        GroundTruth truth;
        try {
            truth = GroundTruth.read(truthFile);
        } catch (IOException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Path named = Path.of(truth.clip());
        Path clip = (named.isAbsolute() ? named : truthFile.toAbsolutePath().getParent().resolve(named)).normalize();
        if (!Files.isRegularFile(clip) || !Files.isReadable(clip)) {
            throw ApiException.badRequest(truthFile + " names clip " + truth.clip() + ", but " + clip
                    + (Files.exists(clip) ? " is not a readable file" : " does not exist"));
        }
        return new CorpusClip(truthFile, truth, clip);
    }

    /** The clip's file name, for tables. */
    public String name() {
        return clip.getFileName().toString();
    }
}
