package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.ingest.wire.FrameRecord;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Collects, for every sampled image of one segment, the foreground share of each cell of a coarse grid over
 * the picture, and packs them into the segment's {@code motion-grid} artifact: one byte per cell (0 = no
 * foreground pixel, 255 = all of them), cells row-major, samples one after the other.
 *
 * <p>The grid has {@link MotionConfig#gridColumns()} columns and as many rows as keep its cells square on the
 * picture (32 columns: 24 rows at 4:3, 18 at 16:9). Square cells make a heatmap look like the picture and
 * weigh a region of interest the same in both directions; at the default 160-pixel mask a cell is 5 × 5
 * pixels, fine enough to tell a workbench from the person in front of it, and 30 s at 4 samples per second
 * stay below 70 KB.
 */
final class MotionGrid {
    private final int wantedColumns;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final List<Long> frames = new ArrayList<>();
    private final List<Long> ptsMs = new ArrayList<>();
    private int cols;
    private int rows;
    private int width;
    private int height;

    MotionGrid(int wantedColumns) {
        this.wantedColumns = wantedColumns;
    }

    /** Adds one sample: its foreground mask, {@code width × height} bytes, non-zero for foreground. */
    void add(FrameRecord sample, byte[] mask, int maskWidth, int maskHeight) {
        if (frames.isEmpty()) {
            // Fixed by the first sample: ingest scales every analysis image of a video to the same size.
            width = maskWidth;
            height = maskHeight;
            cols = Math.min(wantedColumns, maskWidth);
            rows = Math.max(1, Math.min(maskHeight, (int) Math.round((double) cols * maskHeight / maskWidth)));
        }
        data.writeBytes(cells(mask, maskWidth, maskHeight));
        frames.add(sample.frame());
        ptsMs.add(sample.ptsMs());
    }

    /**
     * The foreground share of each cell, scaled to 0..255. Cells are cut from normalized coordinates, so a
     * mask of another size than the first still lands in the same cells.
     */
    private byte[] cells(byte[] mask, int maskWidth, int maskHeight) {
        var foreground = new int[cols * rows];
        var pixels = new int[cols * rows];
        var cellOfColumn = new int[maskWidth];
        for (int x = 0; x < maskWidth; x++) {
            cellOfColumn[x] = x * cols / maskWidth;
        }
        for (int y = 0; y < maskHeight; y++) {
            int rowBase = (y * rows / maskHeight) * cols;
            int line = y * maskWidth;
            for (int x = 0; x < maskWidth; x++) {
                int cell = rowBase + cellOfColumn[x];
                pixels[cell]++;
                if (mask[line + x] != 0) {
                    foreground[cell]++;
                }
            }
        }
        var out = new byte[cols * rows];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (pixels[i] == 0 ? 0 : (foreground[i] * 255 + pixels[i] / 2) / pixels[i]);
        }
        return out;
    }

    /** The artifact of the segment; null when it had no sample. */
    Artifact artifact(Segment segment) {
        if (frames.isEmpty()) {
            return null;
        }
        var frameList = segment.frames();
        // Insertion order keeps the JSON of a replay byte-identical.
        var attributes = new LinkedHashMap<String, Object>();
        attributes.put("cols", cols);
        attributes.put("rows", rows);
        attributes.put("samples", frames.size());
        attributes.put("maskWidth", width);
        attributes.put("maskHeight", height);
        attributes.put("firstFrame", frameList.get(0).frame());
        attributes.put("lastFrame", frameList.get(frameList.size() - 1).frame());
        if (ptsMs.size() > 1) {
            attributes.put("stepMs", medianStep());
        }
        attributes.put("frames", List.copyOf(frames));
        attributes.put("ptsMs", List.copyOf(ptsMs));
        return new Artifact(Artifact.MOTION_GRID, "s" + segment.index(), "application/octet-stream", frames.get(0),
                segment.end().startMs(), segment.end().endMs(), Collections.unmodifiableMap(attributes),
                data.toByteArray());
    }

    private long medianStep() {
        var steps = new long[ptsMs.size() - 1];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = ptsMs.get(i + 1) - ptsMs.get(i);
        }
        Arrays.sort(steps);
        return steps[steps.length / 2];
    }
}
