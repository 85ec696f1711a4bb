package io.cuepoint.api.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What really happens in one evaluation clip, written next to it as {@code <clip basename>.truth.json}.
 * The corpus generator writes it with exact values; a hand-labelled real clip's {@code source} says how
 * the labels were checked.
 *
 * <p>Frames are decode-order numbers from 0; {@code endFrame} is the last frame inside an interval. Times
 * are media milliseconds and {@code endMs} is exclusive. An interval may be given in frames, in
 * milliseconds or both; {@link #startMs(Label)} and {@link #endMs(Label)} convert with the frame rate.
 *
 * @param clip       the clip's file name, relative to the truth file's folder
 * @param frameRate  frames per second (the corpus is constant frame rate)
 * @param frames     frame count
 * @param durationMs media duration
 * @param source     where the labels come from and how they were checked
 * @param scored     the event types whose labels are complete in this clip; only those are scored
 * @param events     the labels
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroundTruth(String clip, double frameRate, long frames, long durationMs, String source,
                          List<String> scored, List<Label> events) {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public GroundTruth {
        Objects.requireNonNull(clip, "clip");
        if (frameRate <= 0) {
            throw new IllegalArgumentException("truth of " + clip + ": frameRate must be above 0, was " + frameRate);
        }
        scored = scored == null ? List.of() : List.copyOf(scored);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * One labelled event: an instant ({@code frame}) or an interval (frames and/or milliseconds).
     *
     * @param type       event type, as Cuepoint names it ({@code shot.cut}, {@code slide.shown}, …)
     * @param frame      the frame of an instant, else null
     * @param startFrame first frame of an interval, else null
     * @param endFrame   last frame of an interval (inclusive), else null
     * @param startMs    start of an interval in milliseconds, else null
     * @param endMs      end of an interval in milliseconds (exclusive), else null
     * @param kind       transition kind ({@code fade-out}, {@code fade-in}, {@code dissolve}), else null
     * @param direction  camera direction ({@code left}, {@code right}, {@code up}, {@code down}, {@code in},
     *                   {@code out}), else null
     * @param slide      slide identity: the same number for a return to an earlier slide, else null
     * @param buildCount incremental builds within a slide, else null
     * @param box        where it happens (normalized), for spatial labels such as motion, else null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Label(String type, Long frame, Long startFrame, Long endFrame, Long startMs, Long endMs,
                        String kind, String direction, Integer slide, Integer buildCount, Region box) {
        public Label {
            Objects.requireNonNull(type, "type");
        }

        public static Label instant(String type, long frame) {
            return new Label(type, frame, null, null, null, null, null, null, null, null, null);
        }

        public static Label interval(String type, long startFrame, long endFrame) {
            return new Label(type, null, startFrame, endFrame, null, null, null, null, null, null, null);
        }

        public static Label intervalMs(String type, long startMs, long endMs) {
            return new Label(type, null, null, null, startMs, endMs, null, null, null, null, null);
        }

        public Label withKind(String value) {
            return new Label(type, frame, startFrame, endFrame, startMs, endMs, value, direction, slide, buildCount, box);
        }

        public Label withDirection(String value) {
            return new Label(type, frame, startFrame, endFrame, startMs, endMs, kind, value, slide, buildCount, box);
        }

        public Label withSlide(int number, int builds) {
            return new Label(type, frame, startFrame, endFrame, startMs, endMs, kind, direction, number, builds, box);
        }

        public Label withBox(Region value) {
            return new Label(type, frame, startFrame, endFrame, startMs, endMs, kind, direction, slide, buildCount,
                    value);
        }

        @JsonIgnore
        public boolean isInstant() {
            return frame != null;
        }
    }

    /** A normalized rectangle, origin top-left. */
    public record Region(double left, double top, double right, double bottom) {
    }

    /** Start of a label in milliseconds: its own, else from its (start) frame. */
    public long startMs(Label label) {
        if (label.startMs() != null) {
            return label.startMs();
        }
        long f = label.frame() != null ? label.frame() : Objects.requireNonNull(label.startFrame(), "startFrame");
        return Math.round(f * 1000.0 / frameRate);
    }

    /** Exclusive end in milliseconds: its own, else the start of the frame after {@code endFrame}. */
    public long endMs(Label label) {
        if (label.endMs() != null) {
            return label.endMs();
        }
        if (label.frame() != null) {
            return startMs(label);
        }
        return Math.round((Objects.requireNonNull(label.endFrame(), "endFrame") + 1) * 1000.0 / frameRate);
    }

    /** The labels of one type. */
    public List<Label> of(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    public static GroundTruth read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), GroundTruth.class);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new IOException("cannot read ground truth " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), this);
    }
}
