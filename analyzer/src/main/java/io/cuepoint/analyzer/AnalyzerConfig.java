package io.cuepoint.analyzer;

import static io.cuepoint.analyzer.EnvironmentKeys.bool;
import static io.cuepoint.analyzer.EnvironmentKeys.integer;
import static io.cuepoint.analyzer.EnvironmentKeys.real;

import io.cuepoint.analyzer.audio.SpeechConfig;
import io.cuepoint.analyzer.detect.CameraConfig;
import io.cuepoint.analyzer.detect.FaceConfig;
import io.cuepoint.analyzer.detect.HandConfig;
import io.cuepoint.analyzer.detect.MotionConfig;
import io.cuepoint.analyzer.detect.ObjectConfig;
import io.cuepoint.analyzer.detect.PoseConfig;
import io.cuepoint.analyzer.detect.PresenterConfig;
import io.cuepoint.analyzer.detect.ShotCutConfig;
import io.cuepoint.analyzer.detect.SkillsConfig;
import io.cuepoint.analyzer.detect.TechnicalConfig;
import io.cuepoint.analyzer.detect.SlideConfig;
import io.cuepoint.analyzer.model.ModelConfig;
import io.cuepoint.analyzer.vision.CocoLabels;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The analyzer's one validated configuration. Kafka connection settings are not here: the caller
 * passes its client properties to the worker, so the all-in-one and the cluster share this record.
 *
 * <p>Environment keys (see {@link ShotCutConfig}, {@link SlideConfig}, {@link TechnicalConfig},
 * {@link CameraConfig}, {@link MotionConfig}, {@link PoseConfig}, {@link FaceConfig}, {@link ObjectConfig},
 * {@link HandConfig}, {@link SpeechConfig}, {@link PresenterConfig} and {@link SkillsConfig} for the tuning keys, each
 * with unit and default):
 * <ul>
 *   <li>{@code CUEPOINT_DETECTORS}: comma-separated detector names, default
 *       {@code shots,slides,technical,camera,motion,pose,faces,objects,speech,presenter,skills} (add {@code hands}
 *       before {@code skills} for close shots of hands); the models of the named detectors are
 *       loaded at start</li>
 *   <li>{@code CUEPOINT_ANALYZER_VERSION}: overrides the version stamped on events; default the jar's
 *       Implementation-Version, else {@value #FALLBACK_VERSION}</li>
 * </ul>
 *
 * @param analyzerVersion version written into every event's producer
 * @param detectors       detectors to run on each segment, in order
 * @param shots           shot-cut tuning
 * @param slides          slide detector tuning
 * @param technical       black, frozen and silence tuning
 * @param camera          camera motion tuning
 * @param motion          motion tuning
 * @param pose            pose detector tuning
 * @param faces           face detector tuning
 * @param objects         object detector tuning
 * @param hands           hand detector tuning
 * @param speech          speech detector tuning
 * @param presenter       presenter cue tuning
 * @param skills          hand-skill metrics tuning
 * @param models          where the models come from and how TensorFlow runs them ({@link ModelConfig})
 */
public record AnalyzerConfig(String analyzerVersion, List<String> detectors, ShotCutConfig shots,
                             SlideConfig slides, TechnicalConfig technical, CameraConfig camera,
                             MotionConfig motion, PoseConfig pose, FaceConfig faces, ObjectConfig objects,
                             HandConfig hands, SpeechConfig speech, PresenterConfig presenter, SkillsConfig skills,
                             ModelConfig models) {
    public static final String DEFAULT_DETECTORS = "shots,slides,technical,camera,motion,pose,faces,objects,speech,presenter,skills";
    public static final String FALLBACK_VERSION = "0.1.0";
    public static final String DETECTORS = "CUEPOINT_DETECTORS";
    public static final String VERSION = "CUEPOINT_ANALYZER_VERSION";
    public static final String SHOT_MIN_SCORE = "CUEPOINT_SHOT_MIN_SCORE";
    public static final String SHOT_ADAPTIVE_FACTOR = "CUEPOINT_SHOT_ADAPTIVE_FACTOR";
    public static final String SHOT_WINDOW_FRAMES = "CUEPOINT_SHOT_WINDOW_FRAMES";
    public static final String SHOT_MIN_GAP_MS = "CUEPOINT_SHOT_MIN_GAP_MS";
    public static final String SHOT_FLASH_FRAMES = "CUEPOINT_SHOT_FLASH_FRAMES";
    public static final String SHOT_TRANSITION_MIN_MS = "CUEPOINT_SHOT_TRANSITION_MIN_MS";
    public static final String SHOT_TRANSITION_MAX_MS = "CUEPOINT_SHOT_TRANSITION_MAX_MS";
    public static final String SHOT_TRANSITION_MIN_CHANGE = "CUEPOINT_SHOT_TRANSITION_MIN_CHANGE";
    public static final String SHOT_TRANSITION_MAX_ERROR = "CUEPOINT_SHOT_TRANSITION_MAX_ERROR";
    public static final String BLACK_MAX_LUMA = "CUEPOINT_BLACK_MAX_LUMA";
    public static final String BLACK_MAX_SPREAD = "CUEPOINT_BLACK_MAX_SPREAD";
    public static final String BLACK_MIN_MS = "CUEPOINT_BLACK_MIN_MS";
    public static final String FROZEN_MAX_DIFF = "CUEPOINT_FROZEN_MAX_DIFF";
    public static final String FROZEN_MAX_CHANGED = "CUEPOINT_FROZEN_MAX_CHANGED";
    public static final String FROZEN_MIN_MS = "CUEPOINT_FROZEN_MIN_MS";
    public static final String SILENCE_MAX_DBFS = "CUEPOINT_SILENCE_MAX_DBFS";
    public static final String SILENCE_MIN_MS = "CUEPOINT_SILENCE_MIN_MS";
    public static final String CAMERA_CORNERS = "CUEPOINT_CAMERA_CORNERS";
    public static final String CAMERA_RANSAC_PX = "CUEPOINT_CAMERA_RANSAC_PX";
    public static final String CAMERA_MIN_INLIERS = "CUEPOINT_CAMERA_MIN_INLIERS";
    public static final String CAMERA_CUT_GATE = "CUEPOINT_CAMERA_CUT_GATE";
    public static final String CAMERA_SMOOTHING_MS = "CUEPOINT_CAMERA_SMOOTHING_MS";
    public static final String CAMERA_PAN_ON = "CUEPOINT_CAMERA_PAN_ON";
    public static final String CAMERA_ZOOM_ON = "CUEPOINT_CAMERA_ZOOM_ON";
    public static final String CAMERA_SHAKE_ON = "CUEPOINT_CAMERA_SHAKE_ON";
    public static final String CAMERA_MIN_MS = "CUEPOINT_CAMERA_MIN_MS";
    public static final String SLIDE_CHANGE_LEVEL = "CUEPOINT_SLIDE_CHANGE_LEVEL";
    public static final String SLIDE_ANIMATION_SHARE = "CUEPOINT_SLIDE_ANIMATION_SHARE";
    public static final String SLIDE_BUILD_SHARE = "CUEPOINT_SLIDE_BUILD_SHARE";
    public static final String SLIDE_MAX_REMOVED = "CUEPOINT_SLIDE_MAX_REMOVED";
    public static final String SLIDE_FLAT_RANGE = "CUEPOINT_SLIDE_FLAT_RANGE";
    public static final String SLIDE_MIN_FLAT_SHARE = "CUEPOINT_SLIDE_MIN_FLAT_SHARE";
    public static final String SLIDE_MIN_INK_SHARE = "CUEPOINT_SLIDE_MIN_INK_SHARE";
    public static final String SLIDE_MIN_STILL_SHARE = "CUEPOINT_SLIDE_MIN_STILL_SHARE";
    public static final String SLIDE_MIN_MS = "CUEPOINT_SLIDE_MIN_MS";
    public static final String MOTION_WIDTH = "CUEPOINT_MOTION_WIDTH";
    public static final String MOTION_HISTORY = "CUEPOINT_MOTION_HISTORY";
    public static final String MOTION_VAR_THRESHOLD = "CUEPOINT_MOTION_VAR_THRESHOLD";
    public static final String MOTION_BACKGROUND_SAMPLES = "CUEPOINT_MOTION_BACKGROUND_SAMPLES";
    public static final String MOTION_SMOOTHING = "CUEPOINT_MOTION_SMOOTHING";
    public static final String MOTION_ACTIVE_ON = "CUEPOINT_MOTION_ACTIVE_ON";
    public static final String MOTION_ACTIVE_OFF = "CUEPOINT_MOTION_ACTIVE_OFF";
    public static final String MOTION_GRID_COLUMNS = "CUEPOINT_MOTION_GRID_COLUMNS";
    public static final String POSE_MODEL = "CUEPOINT_POSE_MODEL";
    public static final String POSE_MIN_SCORE = "CUEPOINT_POSE_MIN_SCORE";
    public static final String FACE_MIN_SCORE = "CUEPOINT_FACE_MIN_SCORE";
    public static final String FACE_MAX = "CUEPOINT_FACE_MAX";
    public static final String FACE_MAX_YAW = "CUEPOINT_FACE_MAX_YAW";
    public static final String EXPRESSIONS = "CUEPOINT_EXPRESSIONS";
    public static final String EXPRESSION_MIN_MS = "CUEPOINT_EXPRESSION_MIN_MS";
    public static final String OBJECTS_FPS = "CUEPOINT_OBJECTS_FPS";
    public static final String OBJECT_LABELS = "CUEPOINT_OBJECT_LABELS";
    public static final String OBJECT_MIN_SCORE = "CUEPOINT_OBJECT_MIN_SCORE";
    public static final String HANDS_FPS = "CUEPOINT_HANDS_FPS";
    public static final String HANDS_MIN_SCORE = "CUEPOINT_HANDS_MIN_SCORE";
    public static final String HANDS_MAX = "CUEPOINT_HANDS_MAX";

    public AnalyzerConfig {
        Objects.requireNonNull(analyzerVersion, "analyzerVersion");
        detectors = List.copyOf(detectors);
        Objects.requireNonNull(shots, "shots");
        Objects.requireNonNull(slides, "slides");
        Objects.requireNonNull(technical, "technical");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(motion, "motion");
        Objects.requireNonNull(pose, "pose");
        Objects.requireNonNull(faces, "faces");
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(hands, "hands");
        Objects.requireNonNull(speech, "speech");
        Objects.requireNonNull(presenter, "presenter");
        Objects.requireNonNull(skills, "skills");
        Objects.requireNonNull(models, "models");
    }

    /** Every default: all detectors ({@value #DEFAULT_DETECTORS}), documented tuning. */
    public static AnalyzerConfig defaults() {
        return fromEnvironment(Map.of());
    }

    /**
     * Reads the configuration from environment-style keys; absent keys take their defaults.
     *
     * @throws AnalyzerException naming the key of the first bad value
     */
    public static AnalyzerConfig fromEnvironment(Map<String, String> env) {
        var s = ShotCutConfig.defaults();
        var shots = new ShotCutConfig(
                real(env, SHOT_MIN_SCORE, s.minScore(), 0, 1),
                real(env, SHOT_ADAPTIVE_FACTOR, s.adaptiveFactor(), 1, 100),
                integer(env, SHOT_WINDOW_FRAMES, s.windowFrames(), 1, 1000),
                integer(env, SHOT_MIN_GAP_MS, (int) s.minGapMs(), 0, 60_000),
                integer(env, SHOT_FLASH_FRAMES, s.flashFrames(), 0, 30),
                integer(env, SHOT_TRANSITION_MIN_MS, (int) s.transitionMinMs(), 1, 10_000),
                integer(env, SHOT_TRANSITION_MAX_MS, (int) s.transitionMaxMs(), 1, 10_000),
                real(env, SHOT_TRANSITION_MIN_CHANGE, s.transitionMinChange(), 1, 255),
                real(env, SHOT_TRANSITION_MAX_ERROR, s.transitionMaxError(), 0, 1));
        var technical = technical(env);
        var camera = camera(env);
        var slides = slides(env);
        var m = MotionConfig.defaults();
        var motion = new MotionConfig(
                integer(env, MOTION_WIDTH, m.width(), 16, 4096),
                integer(env, MOTION_HISTORY, m.history(), 2, 100_000),
                real(env, MOTION_VAR_THRESHOLD, m.varThreshold(), 1, 10_000),
                integer(env, MOTION_BACKGROUND_SAMPLES, m.backgroundSamples(), 1, 1000),
                integer(env, MOTION_SMOOTHING, m.smoothing(), 1, 1000),
                real(env, MOTION_ACTIVE_ON, m.activeOn(), 0, 1),
                real(env, MOTION_ACTIVE_OFF, m.activeOff(), 0, 1),
                integer(env, MOTION_GRID_COLUMNS, m.gridColumns(), 1, 256));
        if (motion.activeOff() > motion.activeOn()) {
            throw new AnalyzerException(MOTION_ACTIVE_OFF + " (" + motion.activeOff() + ") must not exceed "
                    + MOTION_ACTIVE_ON + " (" + motion.activeOn() + ")");
        }
        var p = PoseConfig.defaults();
        var pose = new PoseConfig(poseModel(env), real(env, POSE_MIN_SCORE, p.minScore(), 0, 1));
        var f = FaceConfig.defaults();
        var faces = new FaceConfig(real(env, FACE_MIN_SCORE, f.minScore(), 0, 1),
                integer(env, FACE_MAX, f.maxFaces(), 1, 1000),
                real(env, FACE_MAX_YAW, f.maxYawDeg(), 0, 90),
                bool(env, EXPRESSIONS, f.expressions()),
                integer(env, EXPRESSION_MIN_MS, (int) f.minExpressionMs(), 0, 600_000));
        var o = ObjectConfig.defaults();
        var objects = new ObjectConfig(real(env, OBJECTS_FPS, o.fps(), 0.01, 120), labels(env, o),
                real(env, OBJECT_MIN_SCORE, o.minScore(), 0, 1));
        var h = HandConfig.defaults();
        var hands = new HandConfig(real(env, HANDS_FPS, h.fps(), 0, 120), real(env, HANDS_MIN_SCORE, h.minScore(), 0, 1),
                integer(env, HANDS_MAX, h.maxHands(), 1, 100));
        var detectors = Arrays.stream(env.getOrDefault(DETECTORS, DEFAULT_DETECTORS).split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).distinct().toList();
        if (detectors.isEmpty()) {
            throw new AnalyzerException(DETECTORS + " names no detector; use e.g. " + DEFAULT_DETECTORS);
        }
        var version = env.getOrDefault(VERSION, jarVersion());
        return new AnalyzerConfig(version, detectors, shots, slides, technical, camera, motion, pose, faces,
                objects, hands, SpeechConfig.fromEnvironment(env), PresenterConfig.fromEnvironment(env), SkillsConfig.fromEnvironment(env), ModelConfig.fromEnvironment(env));
    }

    /** The resolved configuration in one line, for the start-up log. */
    public String describe() {
        return "analyzer " + analyzerVersion + ", detectors " + String.join(",", detectors) + ", " + shots + ", "
                + slides + ", " + technical + ", " + camera + ", " + motion + ", pose(model=" + pose.model().key()
                + ", minScore=" + pose.minScore() + "), " + faces
                + ", objects(fps=" + objects.fps() + ", minScore=" + objects.minScore() + ", labels="
                + String.join(",", new TreeSet<>(objects.labels())) + "), hands(fps=" + hands.fps() + ", minScore="
                + hands.minScore() + ", max=" + hands.maxHands() + "), " + speech + ", " + presenter + ", " + skills
                + ", models(" + models.describe() + ")";
    }

    private static TechnicalConfig technical(Map<String, String> env) {
        var t = TechnicalConfig.defaults();
        return new TechnicalConfig(
                real(env, BLACK_MAX_LUMA, t.blackMaxLuma(), 0, 255),
                real(env, BLACK_MAX_SPREAD, t.blackMaxSpread(), 0, 255),
                integer(env, BLACK_MIN_MS, (int) t.blackMinMs(), 0, 3_600_000),
                real(env, FROZEN_MAX_DIFF, t.frozenMaxDiff(), 0, 255),
                real(env, FROZEN_MAX_CHANGED, t.frozenMaxChanged(), 0, 1),
                integer(env, FROZEN_MIN_MS, (int) t.frozenMinMs(), 0, 3_600_000),
                real(env, SILENCE_MAX_DBFS, t.silenceMaxDbfs(), -120, 0),
                integer(env, SILENCE_MIN_MS, (int) t.silenceMinMs(), 0, 3_600_000));
    }

    private static CameraConfig camera(Map<String, String> env) {
        var c = CameraConfig.defaults();
        return new CameraConfig(
                integer(env, CAMERA_CORNERS, c.maxCorners(), 8, 1000),
                real(env, CAMERA_RANSAC_PX, c.ransacPixels(), 0.01, 100),
                real(env, CAMERA_MIN_INLIERS, c.minInlierShare(), 0, 1),
                real(env, CAMERA_CUT_GATE, c.cutGate(), 0, 1),
                integer(env, CAMERA_SMOOTHING_MS, (int) c.smoothingMs(), 0, 60_000),
                real(env, CAMERA_PAN_ON, c.panOn(), 0.001, 100),
                real(env, CAMERA_ZOOM_ON, c.zoomOn(), 0.001, 100),
                real(env, CAMERA_SHAKE_ON, c.shakeOn(), 0.001, 100),
                integer(env, CAMERA_MIN_MS, (int) c.minMs(), 0, 3_600_000));
    }

    private static SlideConfig slides(Map<String, String> env) {
        var d = SlideConfig.defaults();
        var slides = new SlideConfig(
                real(env, SLIDE_CHANGE_LEVEL, d.changeLevel(), 0, 255),
                real(env, SLIDE_ANIMATION_SHARE, d.animationShare(), 0, 1),
                real(env, SLIDE_BUILD_SHARE, d.buildShare(), 0, 1),
                real(env, SLIDE_MAX_REMOVED, d.maxRemoved(), 0, 1),
                integer(env, SLIDE_FLAT_RANGE, d.flatRange(), 0, 255),
                real(env, SLIDE_MIN_FLAT_SHARE, d.minFlatShare(), 0, 1),
                real(env, SLIDE_MIN_INK_SHARE, d.minInkShare(), 0, 1),
                real(env, SLIDE_MIN_STILL_SHARE, d.minStillShare(), 0, 1),
                integer(env, SLIDE_MIN_MS, (int) d.minSlideMs(), 0, 600_000));
        if (slides.animationShare() > slides.buildShare()) {
            throw new AnalyzerException(SLIDE_ANIMATION_SHARE + " (" + slides.animationShare() + ") must not exceed "
                    + SLIDE_BUILD_SHARE + " (" + slides.buildShare() + ")");
        }
        return slides;
    }

    private static PoseConfig.Model poseModel(Map<String, String> env) {
        var raw = env.get(POSE_MODEL);
        if (raw == null || raw.isBlank()) {
            return PoseConfig.defaults().model();
        }
        return Arrays.stream(PoseConfig.Model.values()).filter(m -> m.key().equals(raw.trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new AnalyzerException(POSE_MODEL + "=" + raw
                        + " is not one of lightning, thunder, multipose"));
    }

    private static Set<String> labels(Map<String, String> env, ObjectConfig defaults) {
        var raw = env.get(OBJECT_LABELS);
        if (raw == null || raw.isBlank()) {
            return defaults.labels();
        }
        if (raw.trim().equalsIgnoreCase("all")) {
            return Set.copyOf(CocoLabels.NAMES);
        }
        var labels = new LinkedHashSet<String>();
        for (var part : raw.split(",")) {
            var label = part.trim().toLowerCase(Locale.ROOT);
            if (label.isEmpty()) {
                continue;
            }
            if (!CocoLabels.NAMES.contains(label)) {
                throw new AnalyzerException(OBJECT_LABELS + " names '" + label + "', which is not a COCO class; "
                        + "known: " + String.join(",", CocoLabels.NAMES));
            }
            labels.add(label);
        }
        if (labels.isEmpty()) {
            throw new AnalyzerException(OBJECT_LABELS + " names no label; use e.g. person,book or all");
        }
        return labels;
    }

    private static String jarVersion() {
        // Set by the jar plugin's manifest when packaged; absent when running from classes (tests, IDE).
        var version = AnalyzerConfig.class.getPackage().getImplementationVersion();
        return version == null ? FALLBACK_VERSION : version;
    }
}
