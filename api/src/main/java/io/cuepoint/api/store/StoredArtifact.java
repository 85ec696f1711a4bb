package io.cuepoint.api.store;

import io.cuepoint.analyzer.wire.Artifact;

/**
 * An artifact as stored: the analyzer's record plus the segment that sent it.
 *
 * @param segment  the segment whose analysis produced it
 * @param artifact the artifact
 */
public record StoredArtifact(int segment, Artifact artifact) {
}
