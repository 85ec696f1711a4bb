package io.cuepoint.api.export;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.api.motion.ShotSpans;
import io.cuepoint.api.store.SlideRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A video's chapters: one per shown slide ({@code slide.shown}, titled by its slide number, so a return to slide 3
 * is "Slide 3" again) when the video has slides, else one per shot ({@link ShotSpans}, titled by its number and
 * start). A chapter runs until the next one starts; the last until the end of the video.
 */
final class Chapters {
    /** One chapter, {@code [startMs, endMs)}. */
    record Chapter(String title, long startMs, long endMs) {
    }

    private Chapters() {
    }

    /**
     * @param events the video's events (any types; the slides and shot boundaries are picked out)
     * @param endMs  where the video ends
     */
    static List<Chapter> of(List<Event> events, long endMs) {
        var slides = events.stream().filter(e -> e.type().equals(SlideRepository.SLIDE_SHOWN))
                .sorted(Comparator.comparingLong(Event::startMs).thenComparing(Event::id)).toList();
        var starts = new ArrayList<long[]>(); // {start, number}
        var titles = new ArrayList<String>();
        if (!slides.isEmpty()) {
            for (Event slide : slides) {
                Object number = slide.attributes() == null ? null : slide.attributes().get("slideNumber");
                titles.add("Slide " + (number instanceof Number n ? n.intValue() : titles.size() + 1));
                starts.add(new long[] {slide.startMs()});
            }
        } else if (endMs > 0) {
            for (ShotSpans.Shot shot : ShotSpans.of(events, 0, endMs)) {
                titles.add("Shot " + (shot.index() + 1) + " (" + WebVtt.clock(shot.startMs()) + ")");
                starts.add(new long[] {shot.startMs()});
            }
        }
        var chapters = new ArrayList<Chapter>();
        for (int i = 0; i < starts.size(); i++) {
            long start = starts.get(i)[0];
            long end = i + 1 < starts.size() ? starts.get(i + 1)[0] : Math.max(endMs, start + 1);
            if (end > start) {
                chapters.add(new Chapter(titles.get(i), start, end));
            }
        }
        return chapters;
    }
}
