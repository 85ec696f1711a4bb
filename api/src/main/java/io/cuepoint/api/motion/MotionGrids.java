package io.cuepoint.api.motion;

import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.api.store.StoredArtifact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A video's stored {@code motion-grid} artifacts read as one series of samples in time order. Each artifact is
 * one segment: attributes {@code cols}, {@code rows}, {@code frames} and {@code ptsMs} (one per sample),
 * {@code firstFrame}/{@code lastFrame} (the segment's frames); data holds one byte per cell (foreground share
 * × 255), cells row-major, samples one after the other.
 *
 * @param samples    every sample of every stored grid, by time
 * @param startMs    start of the first grid's segment (0 when there is none)
 * @param endMs      exclusive end of the last grid's segment
 * @param firstFrame first frame of the first grid's segment
 * @param lastFrame  last frame of the last grid's segment (inclusive)
 */
public record MotionGrids(List<Sample> samples, long startMs, long endMs, long firstFrame, long lastFrame) {

    /** One sampled image's grid; {@link #share} reads a cell. */
    public record Sample(long ptsMs, long frame, int cols, int rows, byte[] data, int offset) {
        /** Foreground share of a cell, 0 to 1. */
        public double share(int cell) {
            return (data[offset + cell] & 0xff) / 255.0;
        }

        public int cells() {
            return cols * rows;
        }
    }

    public boolean isEmpty() {
        return samples.isEmpty();
    }

    /**
     * Reads the grids (from {@code ArtifactRepository#list}, in time order).
     *
     * @throws IllegalStateException for a grid whose attributes do not match its bytes (a damaged row)
     */
    public static MotionGrids of(List<StoredArtifact> stored) {
        var samples = new ArrayList<Sample>();
        long startMs = 0;
        long endMs = 0;
        long firstFrame = 0;
        long lastFrame = 0;
        for (int g = 0; g < stored.size(); g++) {
            Artifact grid = stored.get(g).artifact();
            Map<String, Object> a = grid.attributes();
            int cols = number(a, "cols").intValue();
            int rows = number(a, "rows").intValue();
            List<?> frames = (List<?>) a.get("frames");
            List<?> pts = (List<?>) a.get("ptsMs");
            int cells = cols * rows;
            if (cells <= 0 || frames == null || pts == null || frames.size() != pts.size()
                    || (long) frames.size() * cells != grid.data().length) {
                throw new IllegalStateException("motion grid " + grid.name() + " does not match its attributes");
            }
            for (int i = 0; i < frames.size(); i++) {
                samples.add(new Sample(((Number) pts.get(i)).longValue(), ((Number) frames.get(i)).longValue(), cols,
                        rows, grid.data(), i * cells));
            }
            if (g == 0) {
                startMs = grid.startMs();
                firstFrame = a.containsKey("firstFrame") ? number(a, "firstFrame").longValue() : grid.frame();
            }
            endMs = Math.max(endMs, grid.endMs());
            lastFrame = a.containsKey("lastFrame") ? number(a, "lastFrame").longValue()
                    : samples.get(samples.size() - 1).frame();
        }
        return new MotionGrids(List.copyOf(samples), startMs, endMs, firstFrame, lastFrame);
    }

    private static Number number(Map<String, Object> attributes, String key) {
        if (attributes.get(key) instanceof Number n) {
            return n;
        }
        throw new IllegalStateException("motion grid attribute " + key + " is missing");
    }
}
