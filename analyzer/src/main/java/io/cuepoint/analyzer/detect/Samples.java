package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.AnalyzerException;
import io.cuepoint.analyzer.vision.RgbImage;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which frames of a segment a model-based detector looks at. */
final class Samples {
    private static final Logger LOG = LoggerFactory.getLogger(Samples.class);

    private Samples() {
    }

    /**
     * The frame's analysis image, or null when its JPEG cannot be decoded: one damaged image costs that
     * sample, not the detector's whole segment.
     */
    static RgbImage image(FrameRecord frame, String detector) {
        try {
            return RgbImage.decode(frame.analysisJpeg());
        } catch (AnalyzerException e) {
            LOG.warn("{}: {} skips frame {} of video {}: {}", detector, detector, frame.frame(), frame.videoId(),
                    e.getMessage());
            return null;
        }
    }

    /** Every frame of the segment that carries an analysis image, lead-in excluded. */
    static List<FrameRecord> all(Segment segment) {
        return segment.frames().stream().filter(FrameRecord::sampled).toList();
    }

    /**
     * The sampled frames thinned to about {@code fps} per second: the first sampled frame in each
     * interval of {@code 1000 / fps} ms of media time, counted from the start of the video so that the
     * choice does not depend on where segments begin. The segment's first sampled frame is always
     * included (the previous segment's choice is unknown here), and so is its last frame when sampled:
     * that frame is the next segment's lead-in, on which the next segment joins its tracks to ours.
     */
    static List<FrameRecord> perSecond(Segment segment, double fps) {
        var sampled = all(segment);
        var chosen = new ArrayList<FrameRecord>();
        double interval = 1000 / fps;
        long lastSlot = Long.MIN_VALUE;
        for (var frame : sampled) {
            long slot = (long) Math.floor(frame.ptsMs() / interval);
            if (slot != lastSlot) {
                chosen.add(frame);
                lastSlot = slot;
            }
        }
        var frames = segment.frames();
        if (!frames.isEmpty()) {
            var last = frames.get(frames.size() - 1);
            if (last.sampled() && (chosen.isEmpty() || chosen.get(chosen.size() - 1) != last)) {
                chosen.add(last);
            }
        }
        return chosen;
    }

    /** The lead-in when it carries an analysis image, else null. */
    static FrameRecord leadIn(Segment segment) {
        var leadIn = segment.leadIn();
        return leadIn != null && leadIn.sampled() ? leadIn : null;
    }
}
