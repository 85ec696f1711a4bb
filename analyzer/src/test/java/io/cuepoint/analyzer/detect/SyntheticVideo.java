package io.cuepoint.analyzer.detect;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.SegmentEnd;
import io.cuepoint.ingest.wire.SegmentRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A programmatic video with known ground truth: hard cuts on given frames, camera flashes (two
 * near-white frames) on given frames, and inside every shot sensor noise, a slow brightness drift and
 * a small moving object, the things a cut detector must not mistake for cuts. Frames are cut into
 * segments the way ingest does it (lead-in, frames, end record); every {@code sampleEvery}-th frame
 * carries an analysis JPEG.
 */
public final class SyntheticVideo {
    public static final int THUMB_W = 32;
    public static final int THUMB_H = 24;
    private static final int[][] PALETTE = {
            {160, 80, 40}, {60, 180, 200}, {90, 160, 90}, {60, 60, 180}, {200, 200, 200}, {30, 30, 30},
            {180, 90, 200}, {40, 140, 220}};

    private final String videoId;
    private final int frameCount;
    private final int segmentFrames;
    private final Set<Integer> cuts;
    private final Set<Integer> flashes;
    private final int sampleEvery;
    private final double fps;

    public SyntheticVideo(String videoId, int frameCount, int segmentFrames, Set<Integer> cuts, Set<Integer> flashes,
                          int sampleEvery) {
        this.videoId = videoId;
        this.frameCount = frameCount;
        this.segmentFrames = segmentFrames;
        this.cuts = cuts;
        this.flashes = flashes;
        this.sampleEvery = sampleEvery;
        this.fps = 25;
    }

    public long ptsMs(long frame) {
        return Math.round(frame * 1000 / fps);
    }

    public int segmentCount() {
        return (frameCount + segmentFrames - 1) / segmentFrames;
    }

    /** The thumbnail of one frame; a pure function of the frame number. */
    public byte[] thumbnail(int frame) {
        int shot = 0;
        int shotStart = 0;
        for (int c : cuts) {
            if (c <= frame) {
                shot++;
                shotStart = Math.max(shotStart, c);
            }
        }
        int[] base = PALETTE[shot % PALETTE.length];
        var rnd = new Random(frame * 31L + 7);
        double drift = 0.4 * (frame - shotStart);
        boolean flash = flashes.contains(frame) || flashes.contains(frame - 1);
        int objX = (frame * 2 + shot * 5) % (THUMB_W - 6);
        var bgr = new byte[THUMB_W * THUMB_H * 3];
        for (int y = 0; y < THUMB_H; y++) {
            for (int x = 0; x < THUMB_W; x++) {
                boolean object = x >= objX && x < objX + 5 && y >= 10 && y < 15;
                for (int ch = 0; ch < 3; ch++) {
                    double v = object ? 255 - base[ch] : base[ch] + (x - THUMB_W / 2.0) * (ch + 1) * 0.8;
                    v += drift + rnd.nextGaussian() * 4;
                    if (flash) {
                        v = v + (255 - v) * 0.85;
                    }
                    bgr[(y * THUMB_W + x) * 3 + ch] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
        return bgr;
    }

    public FrameRecord frame(int segment, int frame, boolean leadIn) {
        var thumb = thumbnail(frame);
        boolean sampled = !leadIn && frame % sampleEvery == 0;
        return new FrameRecord(SegmentRecord.SCHEMA, videoId, segment, frame, ptsMs(frame), leadIn, THUMB_W, THUMB_H,
                thumb, sampled ? jpeg(thumb, THUMB_W, THUMB_H) : null, sampled ? THUMB_W : 0, sampled ? THUMB_H : 0);
    }

    public Segment segment(int index) {
        int from = index * segmentFrames;
        int to = Math.min(frameCount, from + segmentFrames);
        var frames = new ArrayList<FrameRecord>();
        for (int f = from; f < to; f++) {
            frames.add(frame(index, f, false));
        }
        var leadIn = index == 0 ? null : frame(index, from - 1, true);
        int sampled = (int) frames.stream().filter(FrameRecord::sampled).count();
        var end = new SegmentEnd(SegmentRecord.SCHEMA, videoId, index, ptsMs(from), ptsMs(to), frames.size(), sampled,
                index == segmentCount() - 1);
        return new Segment(leadIn, frames, null, end);
    }

    /** The records of one segment in the order ingest publishes them. */
    public List<SegmentRecord> records(int index) {
        var segment = segment(index);
        var records = new ArrayList<SegmentRecord>();
        if (segment.leadIn() != null) {
            records.add(segment.leadIn());
        }
        records.addAll(segment.frames());
        records.add(segment.end());
        return records;
    }

    /** Packed BGR pixels as a JPEG, the way ingest encodes analysis images. */
    public static byte[] jpeg(byte[] bgr, int width, int height) {
        try (var pixels = new BytePointer(bgr);
             var image = new Mat(height, width, CV_8UC3, pixels);
             var out = new BytePointer()) {
            if (!imencode(".jpg", image, out)) {
                throw new IllegalStateException("imencode failed");
            }
            var bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }
}
