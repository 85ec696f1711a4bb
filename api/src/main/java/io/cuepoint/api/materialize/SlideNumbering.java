package io.cuepoint.api.materialize;

import io.cuepoint.analyzer.detect.SlideSignature;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.api.store.SlideRepository;
import io.cuepoint.api.store.SlideRepository.KeyframeRef;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a video's slides their identity: {@code slideNumber} (1, 2, … in order of first appearance),
 * {@code revisit} (true when the slide was shown before) and {@code keyframe} (the name of its last keyframe,
 * its most complete state), written into the attributes of the served {@code slide.shown} events.
 *
 * <p>A slide's keyframes are those whose frame lies in its interval (one per fragment). A slide is a
 * return to an earlier one when some keyframe of each are closer than {@link SlideSignature#SAME_SLIDE}; it
 * takes the number of the closest such earlier slide. Recomputed for the whole video after every segment:
 * the result depends only on the stored slides and keyframes, never on the order segments arrived in, and
 * applying a segment again gives the same numbers.
 */
@Singleton
public final class SlideNumbering {
    private static final Logger LOG = LoggerFactory.getLogger(SlideNumbering.class);

    private final SlideRepository slides;

    public SlideNumbering(SlideRepository slides) {
        this.slides = slides;
    }

    /** Numbers every slide of the video. */
    public void renumber(Connection c, String videoId) throws SQLException {
        var events = slides.slides(c, videoId);
        if (events.isEmpty()) {
            return;
        }
        var keyframes = slides.keyframes(c, videoId);
        for (var e : assign(events, keyframes).entrySet()) {
            slides.annotate(c, e.getKey(), e.getValue());
        }
    }

    /** The attributes each slide gets, by event id; the events in time order. */
    static Map<String, Map<String, Object>> assign(List<Event> events, List<KeyframeRef> keyframes) {
        var out = new LinkedHashMap<String, Map<String, Object>>();
        var numbers = new ArrayList<Integer>();
        var signaturesOf = new ArrayList<List<String>>();
        for (Event slide : events) {
            var own = keyframes.stream()
                    .filter(k -> k.frame() >= slide.startFrame() && k.frame() <= slide.endFrame()).toList();
            var signatures = own.stream().map(KeyframeRef::signature).filter(s -> s != null).toList();
            int match = -1;
            double best = SlideSignature.SAME_SLIDE;
            for (int i = 0; i < signaturesOf.size(); i++) {
                double d = closest(signatures, signaturesOf.get(i));
                if (d < best) {
                    best = d;
                    match = numbers.get(i);
                }
            }
            int number = match > 0 ? match : numbers.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            numbers.add(number);
            signaturesOf.add(signatures);
            var attributes = new LinkedHashMap<String, Object>();
            attributes.put("slideNumber", number);
            attributes.put("revisit", match > 0);
            if (!own.isEmpty()) {
                attributes.put("keyframe", own.get(own.size() - 1).name());
            }
            out.put(slide.id(), attributes);
        }
        return out;
    }

    /** The smallest distance between a signature of one list and one of the other; 1 when either is empty. */
    private static double closest(List<String> a, List<String> b) {
        double best = 1;
        for (String x : a) {
            for (String y : b) {
                try {
                    best = Math.min(best, SlideSignature.distance(x, y));
                } catch (IllegalArgumentException e) {
                    LOG.warn("cannot compare slide signatures: {}", e.getMessage());
                }
            }
        }
        return best;
    }
}
