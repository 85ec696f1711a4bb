package io.cuepoint.analyzer.detect;

import io.cuepoint.ingest.testing.TestMedia;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.List;

/**
 * The opencv-doc sample videos decoded and segmented by ingest as in production (default settings:
 * 30 s segments, 4 analysis images per second, 640 pixels long side), decoded once per test JVM.
 */
final class RealClips {
    private static List<Segment> vtest;
    private static List<Segment> megamind;
    private static List<Segment> megamindShort;

    private RealClips() {
    }

    /** vtest.avi: 768 x 576, 10 fps, 79.5 s: segments 0 (0..30 s), 1 and 2. */
    static synchronized List<Segment> vtest() {
        if (vtest == null) {
            vtest = DecodedSegments.of(TestMedia.vtest());
        }
        return vtest;
    }

    /** Megamind.avi: 720 x 528, 23.976 fps, 11.26 s: one segment. */
    static synchronized List<Segment> megamind() {
        if (megamind == null) {
            megamind = DecodedSegments.of(TestMedia.megamind());
        }
        return megamind;
    }

    /**
     * Segment {@code index} of the list with an analysis image on its lead-in. Ingest samples every
     * segment's last frame, so the lead-in carries one; should these segments come from an ingest that
     * does not, the lead-in gets the image of the previous segment's last sampled frame (at most a
     * quarter second earlier), so that lead-in handling is still exercised.
     */
    static Segment withSampledLeadIn(List<Segment> segments, int index) {
        var segment = segments.get(index);
        var leadIn = segment.leadIn();
        if (leadIn == null || leadIn.sampled()) {
            return segment;
        }
        var previous = segments.get(index - 1).frames();
        var image = previous.stream().filter(FrameRecord::sampled).reduce((a, b) -> b).orElseThrow();
        var sampled = new FrameRecord(leadIn.schema(), leadIn.videoId(), leadIn.segment(), leadIn.frame(),
                leadIn.ptsMs(), true, leadIn.thumbWidth(), leadIn.thumbHeight(), leadIn.thumbnail(),
                image.analysisJpeg(), image.analysisWidth(), image.analysisHeight());
        return new Segment(sampled, segment.frames(), segment.audio(), segment.end());
    }

    /**
     * Megamind.avi cut into 4 s segments, so that segments 1 and 2 have lead-ins: 0-4 s (the woman),
     * 4-8 s (the woman until the cut at 4.13 s, the man, the woman again from 6.47 s), 8 s to the end
     * (the man in close-up from 8.38 s).
     */
    static synchronized List<Segment> megamindShortSegments() {
        if (megamindShort == null) {
            megamindShort = DecodedSegments.of(TestMedia.megamind(), 4);
        }
        return megamindShort;
    }

    /** The sampled frame of a segment closest to a media time. */
    static FrameRecord sampleAt(Segment segment, long ms) {
        return segment.frames().stream().filter(FrameRecord::sampled)
                .min((a, b) -> Long.compare(Math.abs(a.ptsMs() - ms), Math.abs(b.ptsMs() - ms))).orElseThrow();
    }
}
