package io.cuepoint.analyzer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The files of one TF.js graph model in the models folder: {@code <name>.json} and the weight shards its
 * manifest names, with the model's checksum.
 *
 * <p>The checksum is SHA-256 over the bytes of {@code <name>.json} followed by the bytes of each weight file
 * in manifest order (groups in order, paths within a group in order). The reference script
 * ({@code analyzer/parity/make-references.mjs}) computes the same digest, so fixtures name the model they
 * were made with.
 *
 * @param name         model name, such as {@code movenet-lightning}
 * @param jsonFile     the model.json file
 * @param json         its parsed content
 * @param weightGroups weight files per manifest group, in manifest order
 * @param sha256       the model's checksum, lower-case hex
 */
record TfjsModelFiles(String name, Path jsonFile, JsonNode json, List<List<Path>> weightGroups, String sha256) {
    private static final ObjectMapper JSON = new ObjectMapper();

    TfjsModelFiles {
        weightGroups = weightGroups.stream().map(List::copyOf).toList();
    }

    /**
     * Finds, parses and checksums a model.
     *
     * @throws NoSuchFileException when the model.json or a weight file is missing
     * @throws IOException         when the model.json is not JSON or names no weights
     */
    static TfjsModelFiles locate(Path modelsDir, String name) throws IOException {
        var jsonFile = modelsDir.resolve(name + ".json");
        var bytes = Files.readAllBytes(jsonFile);
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IOException(jsonFile + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        var manifest = json.path("weightsManifest");
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw new IOException(jsonFile + " has no weightsManifest");
        }
        var digest = newDigest();
        digest.update(bytes);
        var groups = new ArrayList<List<Path>>();
        for (var group : manifest) {
            var paths = new ArrayList<Path>();
            for (var path : group.path("paths")) {
                var file = jsonFile.resolveSibling(path.asText());
                if (!Files.isRegularFile(file)) {
                    throw new NoSuchFileException(file.toString(), null, "weight file named by " + jsonFile);
                }
                digest.update(Files.readAllBytes(file));
                paths.add(file);
            }
            groups.add(paths);
        }
        return new TfjsModelFiles(name, jsonFile, json, groups, HexFormat.of().formatHex(digest.digest()));
    }

    /** Every file of the model: the model.json, then the weight files in manifest order. */
    List<Path> files() {
        var all = new ArrayList<Path>();
        all.add(jsonFile);
        weightGroups.forEach(all::addAll);
        return all;
    }

    /**
     * Checks every file of the model that a {@code sha256sum}-style list ({@code <hex>  <file name>} per line,
     * as {@code scripts/fetch-models.sh} writes it) names; files it does not name are not checked.
     *
     * @throws IOException naming the first file whose content differs
     */
    void verify(Path sums) throws IOException {
        var expected = new java.util.HashMap<String, String>();
        for (var line : Files.readAllLines(sums)) {
            var parts = line.trim().split("\\s+", 2);
            if (parts.length == 2) {
                // sha256sum marks binary mode with a leading '*'.
                expected.put(parts[1].startsWith("*") ? parts[1].substring(1) : parts[1], parts[0].toLowerCase());
            }
        }
        for (var file : files()) {
            var want = expected.get(file.getFileName().toString());
            if (want == null) {
                continue;
            }
            var actual = HexFormat.of().formatHex(newDigest().digest(Files.readAllBytes(file)));
            if (!actual.equals(want)) {
                throw new IOException(file + " does not match " + sums + " (sha256 " + actual + ", expected "
                        + want + "): altered or incompletely downloaded");
            }
        }
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
