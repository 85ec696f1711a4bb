package io.cuepoint.api.web;

/**
 * Example bodies of the video endpoints for the OpenAPI document, as the api answered them for real clips: the
 * synthetic lecture lecture-01.mp4 of the evaluation corpus (slides, cuts, a dissolve) and OpenCV's vtest.avi
 * (people walking: tracked objects and poses). Long answers are cut down, as each example's summary says.
 */
final class VideoExamples {
    /** The id of the example lecture, used by every example path. */
    static final String ID = "9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95";
    static final String ID_DESCRIPTION = "the video id, as the upload answered it (its Location header)";
    static final String CURSOR_DESCRIPTION = "nextCursor of the previous page; absent for the first page";

    static final String VIDEO = """
            {"id": "9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95", "filename": "lecture-01.mp4", "status": "COMPLETED",
            "progress": 1.0, "media": {"durationMs": 18160, "frameRate": 25.0, "width": 640, "height": 360,
            "rotation": 0, "format": "mov,mp4,m4a,3gp,3g2,mj2", "videoCodec": "h264", "hasAudio": false,
            "sizeBytes": 217740}, "counts": {"frames": 454, "corruptFrames": 0, "events": 18, "segmentsDone": 1,
            "segmentsExpected": 1}, "createdAt": "2026-11-26T05:39:44.750301Z",
            "updatedAt": "2026-11-26T05:39:51.982202Z", "completedAt": "2026-11-26T05:39:51.982202Z"}""";

    static final String QUEUED = """
            {"id": "9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95", "filename": "lecture-01.mp4", "status": "QUEUED",
            "progress": 0.0, "counts": {"frames": 0, "corruptFrames": 0, "events": 0, "segmentsDone": 0},
            "createdAt": "2026-11-26T05:39:44.750301Z", "updatedAt": "2026-11-26T05:39:44.750301Z"}""";

    static final String VIDEOS = """
            {"items": [{"id": "9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95", "filename": "lecture-01.mp4",
            "status": "COMPLETED", "progress": 1.0, "media": {"durationMs": 18160, "frameRate": 25.0,
            "width": 640, "height": 360, "rotation": 0, "format": "mov,mp4,m4a,3gp,3g2,mj2",
            "videoCodec": "h264", "hasAudio": false, "sizeBytes": 217740}, "counts": {"frames": 454,
            "corruptFrames": 0, "events": 18, "segmentsDone": 1, "segmentsExpected": 1},
            "createdAt": "2026-11-26T05:39:44.750301Z", "updatedAt": "2026-11-26T05:39:51.982202Z",
            "completedAt": "2026-11-26T05:39:51.982202Z"}, {"id": "ad89436f-d00e-41e6-a33b-06a36820c958",
            "filename": "vtest.avi", "status": "COMPLETED", "progress": 1.0, "media": {"durationMs": 79500,
            "frameRate": 10.0, "width": 768, "height": 576, "rotation": 0, "format": "avi",
            "videoCodec": "msmpeg4v3", "hasAudio": false, "sizeBytes": 8131690}, "counts": {"frames": 795,
            "corruptFrames": 0, "events": 829, "segmentsDone": 3, "segmentsExpected": 3},
            "createdAt": "2026-11-26T05:38:23.988357Z", "updatedAt": "2026-11-26T05:39:14.539281Z",
            "completedAt": "2026-11-26T05:39:14.539281Z"}],
            "nextCursor": "YTE6MjAyNi0xMS0yNlQwNTozODoyMy45ODgzNTda"}""";

    static final String TIMELINE = """
            {"video": {"id": "9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95", "filename": "lecture-01.mp4",
            "status": "COMPLETED", "progress": 1.0, "media": {"durationMs": 18160, "frameRate": 25.0,
            "width": 640, "height": 360, "rotation": 0, "format": "mov,mp4,m4a,3gp,3g2,mj2",
            "videoCodec": "h264", "hasAudio": false, "sizeBytes": 217740}, "counts": {"frames": 454,
            "corruptFrames": 0, "events": 18, "segmentsDone": 1, "segmentsExpected": 1},
            "createdAt": "2026-11-26T05:39:44.750301Z", "updatedAt": "2026-11-26T05:39:51.982202Z",
            "completedAt": "2026-11-26T05:39:51.982202Z"}, "tracks": [{"type": "motion.active",
            "events": [{"id": "3b3ab49bebd7a5f4b2cc909c5accc07f",
            "videoId": "9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95", "type": "motion.active", "startMs": 0,
            "endMs": 8000, "startFrame": 0, "endFrame": 199, "confidence": 1.0, "attributes": {"sampleCount": 32,
            "motionEnergy": 0.1146}, "producer": {"analyzer": "0.1.0", "detector": "motion"}}]},
            {"type": "shot.cut", "events": [{"id": "00adf29cf6a4bd42ef3fc870ea160245",
            "videoId": "9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95", "type": "shot.cut", "startMs": 4640,
            "endMs": 4640, "startFrame": 116, "endFrame": 116, "confidence": 1.0,
            "attributes": {"score": 0.0826}, "producer": {"analyzer": "0.1.0", "detector": "shots"}}]},
            {"type": "shot.transition", "events": [{"id": "b41299f241437810744a97c62691fd12",
            "videoId": "9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95", "type": "shot.transition", "startMs": 9040,
            "endMs": 9360, "startFrame": 226, "endFrame": 233, "confidence": 0.9508247979337576,
            "attributes": {"kind": "dissolve", "score": 0.9508}, "producer": {"analyzer": "0.1.0",
            "detector": "shots"}}]}, {"type": "slide.shown",
            "events": [{"id": "e05c446898bd94c9a3cf1a34464280dc",
            "videoId": "9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95", "type": "slide.shown", "startMs": 0,
            "endMs": 4640, "startFrame": 0, "endFrame": 115, "confidence": 0.6659090909090909,
            "attributes": {"revisit": false, "keyframe": "f113", "flatShare": 0.6659, "buildCount": 1,
            "sampleCount": 19, "slideNumber": 1}, "producer": {"analyzer": "0.1.0", "detector": "slides"}},
            {"id": "39aaa191e7059393608365d79937fc8d", "videoId": "9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95",
            "type": "slide.shown", "startMs": 4640, "endMs": 9200, "startFrame": 116, "endFrame": 229,
            "confidence": 0.7034090909090909, "attributes": {"revisit": false, "keyframe": "f225",
            "flatShare": 0.7034, "buildCount": 0, "sampleCount": 18, "slideNumber": 2},
            "producer": {"analyzer": "0.1.0", "detector": "slides"}}]}, {"type": "tech.frozen",
            "events": [{"id": "9f1f0adf97bc11ab0e4545261f379b28",
            "videoId": "9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95", "type": "tech.frozen", "startMs": 2120,
            "endMs": 4640, "startFrame": 53, "endFrame": 115, "confidence": 0.9782,
            "attributes": {"meanDiff": 0.044, "meanLuma": 210.1}, "producer": {"analyzer": "0.1.0",
            "detector": "technical"}}]}], "spatialTracks": []}""";

    static final String EVENTS = """
            {"items": [{"id": "0d7d2c7e8366fa3da81ddd4db0119d41",
            "videoId": "ad89436f-d00e-41e6-a33b-06a36820c958", "type": "object.detected", "startMs": 0,
            "endMs": 0, "startFrame": 0, "endFrame": 0, "confidence": 0.5968, "track": "object-s0-2",
            "box": {"left": 0.8346, "top": 0.4146, "right": 0.8863, "bottom": 0.5563},
            "attributes": {"label": "person"}, "producer": {"analyzer": "0.1.0", "detector": "objects",
            "model": "centernet@sha256:d82f7efbe219"}}, {"id": "1419532c6b5640c37381a49d93aad122",
            "videoId": "ad89436f-d00e-41e6-a33b-06a36820c958", "type": "motion.active", "startMs": 0,
            "endMs": 79500, "startFrame": 0, "endFrame": 794, "confidence": 1.0,
            "attributes": {"sampleCount": 320, "motionEnergy": 0.03693584905660378},
            "producer": {"analyzer": "0.1.0", "detector": "motion"}}, {"id": "22bb6d443c44c2906c75849fe5373ecc",
            "videoId": "ad89436f-d00e-41e6-a33b-06a36820c958", "type": "object.present", "startMs": 0,
            "endMs": 52000, "startFrame": 0, "endFrame": 520, "confidence": 0.4822899807321772,
            "track": "object-s0-3", "attributes": {"label": "person", "meanScore": 0.4822899807321772,
            "sampleCount": 51}, "producer": {"analyzer": "0.1.0", "detector": "objects",
            "model": "centernet@sha256:d82f7efbe219"}}],
            "nextCursor": "YzEKMAoyMmJiNmQ0NDNjNDRjMjkwNmM3NTg0OWZlNTM3M2VjYw"}""";

    private VideoExamples() {
    }
}
