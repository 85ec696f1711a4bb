package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.model.TestModels;
import io.cuepoint.analyzer.vision.RgbImage;
import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Keypoint;
import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.SegmentEnd;
import io.cuepoint.ingest.wire.SegmentRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Pose sequences built from one real keypoint set: MoveNet Lightning's pose of the astronaut in
 * {@code astronaut.png} (512 x 512), moved sample by sample along known paths. The segment holds one
 * sampled frame every 250 ms (4 per second, as ingest samples by default); the presenter detector never
 * decodes the images, so they are placeholders.
 */
final class PoseSequences {
    static final long STEP_MS = 250;
    static final String TRACK = "person-s0-1";
    private static List<Keypoint> astronaut;

    private PoseSequences() {
    }

    /** The model's keypoints on the astronaut picture. */
    static synchronized List<Keypoint> astronaut() {
        if (astronaut == null) {
            try (var pose = new PoseDetector(PoseConfig.defaults(),
                    TestModels.get(PoseConfig.defaults().model().modelName()))) {
                var image = RgbImage.decode(Files.readAllBytes(PresenterClips.ASTRONAUT));
                astronaut = pose.estimate(image).get(0).keypoints();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return astronaut;
    }

    /** Segment {@code index} of a video of {@code samples} frames 250 ms apart, every one sampled. */
    static Segment segment(int index, int samples, boolean last) {
        var frames = new ArrayList<FrameRecord>();
        long first = (long) index * samples;
        for (int i = 0; i < samples; i++) {
            long frame = first + i;
            frames.add(new FrameRecord(SegmentRecord.SCHEMA, "seq", index, frame, frame * STEP_MS, false, 4, 4,
                    new byte[48], new byte[] {1}, 512, 512));
        }
        return new Segment(null, frames, null, new SegmentEnd(SegmentRecord.SCHEMA, "seq", index,
                first * STEP_MS, (first + samples) * STEP_MS, samples, samples, last));
    }

    /** The keypoint with one name moved by (dx, dy) in normalized picture units. */
    static List<Keypoint> move(List<Keypoint> keypoints, String name, double dx, double dy) {
        return keypoints.stream().map(k -> k.name().equals(name)
                ? new Keypoint(k.name(), k.x() + dx, k.y() + dy, k.score()) : k).toList();
    }

    /** Every keypoint moved by (dx, dy): the whole person shifted in the picture. */
    static List<Keypoint> shift(List<Keypoint> keypoints, double dx, double dy) {
        return keypoints.stream().map(k -> new Keypoint(k.name(), k.x() + dx, k.y() + dy, k.score())).toList();
    }

    /** Every keypoint turned by {@code radians} about (cx, cy) (the picture is square). */
    static List<Keypoint> rotate(List<Keypoint> keypoints, double radians, double cx, double cy) {
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        return keypoints.stream().map(k -> new Keypoint(k.name(), cx + c * (k.x() - cx) - s * (k.y() - cy),
                cy + s * (k.x() - cx) + c * (k.y() - cy), k.score())).toList();
    }

    /** A keypoint's position. */
    static Keypoint get(List<Keypoint> keypoints, String name) {
        return keypoints.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }

    /** Every keypoint's score set to at least {@code score}: a fully seen body. */
    static List<Keypoint> confident(List<Keypoint> keypoints, double score) {
        return keypoints.stream().map(k -> new Keypoint(k.name(), k.x(), k.y(), Math.max(k.score(), score))).toList();
    }

    /** The {@code person.pose} events of one track, the keypoints of sample i given by {@code pose}. */
    static List<Event> poses(Segment segment, PoseAt pose) {
        var ctx = new DetectionContext("test");
        var events = new ArrayList<Event>();
        var frames = segment.frames();
        for (int i = 0; i < frames.size(); i++) {
            var keypoints = pose.at(i);
            if (keypoints == null) {
                continue;
            }
            events.add(ctx.builder(segment, PoseDetector.NAME, PoseDetector.POSE).track(TRACK).at(frames.get(i))
                    .confidence(0.5).box(box(keypoints)).keypoints(keypoints).build());
        }
        return events;
    }

    /** The keypoints of sample i, or null where the person is not seen. */
    @FunctionalInterface
    interface PoseAt {
        List<Keypoint> at(int sample);
    }

    private static Box box(List<Keypoint> keypoints) {
        var seen = keypoints.stream().filter(k -> k.score() >= 0.3).toList();
        return new Box(seen.stream().mapToDouble(Keypoint::x).min().orElse(0),
                seen.stream().mapToDouble(Keypoint::y).min().orElse(0),
                seen.stream().mapToDouble(Keypoint::x).max().orElse(1),
                seen.stream().mapToDouble(Keypoint::y).max().orElse(1));
    }
}
