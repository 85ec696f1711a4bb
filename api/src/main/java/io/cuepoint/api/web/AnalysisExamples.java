package io.cuepoint.api.web;

/**
 * Example bodies of the analysis endpoints (slides, motion, engagement, skills) for the OpenAPI document, as the
 * api answered them for the lecture of {@link VideoExamples} and, for hand skills, OpenCV's vtest.avi.
 */
final class AnalysisExamples {
    static final String SLIDES = """
            [{"slideNumber": 1, "revisit": false, "startMs": 0, "endMs": 4640, "startFrame": 0, "endFrame": 115,
            "buildCount": 1, "keyframeUrl": "/api/v1/videos/9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95/keyframes/f113",
            "eventId": "e05c446898bd94c9a3cf1a34464280dc"}, {"slideNumber": 2, "revisit": false, "startMs": 4640,
            "endMs": 9200, "startFrame": 116, "endFrame": 229, "buildCount": 0,
            "keyframeUrl": "/api/v1/videos/9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95/keyframes/f225",
            "eventId": "39aaa191e7059393608365d79937fc8d"}, {"slideNumber": 3, "revisit": false, "startMs": 9320,
            "endMs": 13400, "startFrame": 233, "endFrame": 334, "buildCount": 0,
            "keyframeUrl": "/api/v1/videos/9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95/keyframes/f332",
            "eventId": "43c401b15e71481f959a30ca7e6d7b15"}, {"slideNumber": 1, "revisit": true, "startMs": 13400,
            "endMs": 18160, "startFrame": 335, "endFrame": 453, "buildCount": 0,
            "keyframeUrl": "/api/v1/videos/9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95/keyframes/f450",
            "eventId": "2be5f73e1a33bec3aa39da7a5240821b"}]""";

    static final String HEATMAPS = """
            {"videoId": "9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95", "shots": [{"shot": 0, "startMs": 0,
            "endMs": 4640, "samples": 19, "cols": 32, "rows": 18, "cells": [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.002, 0.004, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.029, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.015, 0.04, 0.023, 0.0, 0.029, 0.013, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.013, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.004, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.034, 0.006, 0.0, 0.0, 0.0, 0.0, 0.011, 0.017, 0.0, 0.006, 0.002, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.085, 0.126, 0.136,
            0.101, 0.15, 0.113, 0.119, 0.153, 0.182, 0.177, 0.139, 0.144, 0.076, 0.095, 0.076, 0.152, 0.076,
            0.113, 0.076, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.041, 0.064, 0.105,
            0.076, 0.122, 0.064, 0.105, 0.126, 0.105, 0.105, 0.105, 0.126, 0.078, 0.095, 0.076, 0.095, 0.076,
            0.101, 0.041, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.11,
            0.137, 0.137, 0.137, 0.137, 0.137, 0.137, 0.137, 0.137, 0.135, 0.126, 0.12, 0.114, 0.105, 0.101,
            0.095, 0.084, 0.08, 0.074, 0.063, 0.061, 0.053, 0.046, 0.04, 0.032, 0.025, 0.021, 0.011, 0.006, 0.0,
            0.0, 0.0], "peak": {"col": 9, "row": 8, "share": 0.1816, "box": {"left": 0.2813, "top": 0.4444,
            "right": 0.3125, "bottom": 0.5}}}]}""";

    static final String REGION = """
            {"name": "lectern", "box": {"left": 0.05, "top": 0.3, "right": 0.35, "bottom": 1.0},
            "createdAt": "2026-11-26T05:40:10.709596Z", "updatedAt": "2026-11-26T05:40:10.709596Z"}""";

    static final String REGIONS = """
            {"videoId": "9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95", "regions": [{"name": "lectern",
            "box": {"left": 0.05, "top": 0.3, "right": 0.35, "bottom": 1.0},
            "createdAt": "2026-11-26T05:40:10.709596Z", "updatedAt": "2026-11-26T05:40:10.709596Z"}]}""";

    static final String REGION_BOX = """
            {"box": {"left": 0.05, "top": 0.3, "right": 0.35, "bottom": 1.0}}""";

    static final String REGION_MOTION = """
            {"region": "lectern", "box": {"left": 0.05, "top": 0.3, "right": 0.35, "bottom": 1.0},
            "thresholds": {"activeOn": 0.05, "activeOff": 0.02, "smoothing": 3}, "series": [{"ptsMs": 0,
            "frame": 0, "share": 0.0134}, {"ptsMs": 280, "frame": 7, "share": 0.0138}, {"ptsMs": 520,
            "frame": 13, "share": 0.0165}, {"ptsMs": 760, "frame": 19, "share": 0.0224}],
            "intervals": [{"type": "region.idle", "startMs": 0, "endMs": 4520, "startFrame": 0, "endFrame": 112,
            "meanShare": 0.0307, "sampleCount": 18}, {"type": "region.active", "startMs": 4520, "endMs": 8280,
            "startFrame": 113, "endFrame": 206, "meanShare": 0.1876, "sampleCount": 15}, {"type": "region.idle",
            "startMs": 8280, "endMs": 9000, "startFrame": 207, "endFrame": 224, "meanShare": 0.0,
            "sampleCount": 3}, {"type": "region.active", "startMs": 9000, "endMs": 12760, "startFrame": 225,
            "endFrame": 318, "meanShare": 0.0648, "sampleCount": 15}, {"type": "region.idle", "startMs": 12760,
            "endMs": 18160, "startFrame": 319, "endFrame": 453, "meanShare": 0.0096, "sampleCount": 22}]}""";

    static final String ENGAGEMENT = """
            {"videoId": "9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95", "status": "COMPLETED", "windowMs": 10000,
            "weights": {"speakingRate": 0.25, "vocalVariety": 0.15, "visualChange": 0.2, "presenter": 0.15,
            "gesture": 0.1, "staticStretch": 0.15}, "windows": [{"startMs": 0, "endMs": 10000, "score": 0.7717,
            "components": {"speakingRate": null, "vocalVariety": null, "visualChange": 0.6005, "presenter": null,
            "gesture": null, "staticStretch": 1.0}, "measures": {"wordsPerMinute": null, "speechShare": null,
            "pitchVariationSt": null, "energyVariationDb": null, "visualChanges": 4,
            "recentVisualChanges": 1.503, "sinceVisualChangeMs": 680, "presenterVisibleShare": null,
            "presenterFacingShare": null, "gestureShare": null}}, {"startMs": 10000, "endMs": 18160,
            "score": 0.8755, "components": {"speakingRate": null, "vocalVariety": null, "visualChange": 0.7822,
            "presenter": null, "gesture": null, "staticStretch": 1.0}, "measures": {"wordsPerMinute": null,
            "speechShare": null, "pitchVariationSt": null, "energyVariationDb": null, "visualChanges": 1,
            "recentVisualChanges": 3.5919, "sinceVisualChangeMs": 4760, "presenterVisibleShare": null,
            "presenterFacingShare": null, "gestureShare": null}}], "flags": []}""";

    static final String SKILLS = """
            {"videoId": "ad89436f-d00e-41e6-a33b-06a36820c958", "hands": {"left": {"pathLength": 0.8942,
            "meanSpeed": 0.0539, "peakSpeed": 0.1239, "idleShare": 0.2711, "movementCount": 2,
            "trackedMs": 16600}, "right": {"pathLength": 1.0184, "meanSpeed": 0.0585, "peakSpeed": 0.138,
            "idleShare": 0.3333, "movementCount": 2, "trackedMs": 17400}}, "balance": 0.878,
            "segments": [{"startMs": 0, "endMs": 30000, "source": "pose",
            "hands": {"left": {"pathLength": 0.4047, "meanSpeed": 0.071, "peakSpeed": 0.1202, "idleShare": 0.0,
            "movementCount": 1, "trackedMs": 5700}, "right": {"pathLength": 0.4381, "meanSpeed": 0.0674,
            "peakSpeed": 0.1108, "idleShare": 0.1538, "movementCount": 1, "trackedMs": 6500}},
            "balance": 0.9237}, {"startMs": 30000, "endMs": 60000, "source": "pose",
            "hands": {"left": {"pathLength": 0.4093, "meanSpeed": 0.064, "peakSpeed": 0.1239, "idleShare": 0.0,
            "movementCount": 1, "trackedMs": 6400}, "right": {"pathLength": 0.501, "meanSpeed": 0.0783,
            "peakSpeed": 0.138, "idleShare": 0.0469, "movementCount": 1, "trackedMs": 6400}}, "balance": 0.8169},
            {"startMs": 60000, "endMs": 79500, "source": "pose", "hands": {"left": {"pathLength": 0.0802,
            "meanSpeed": 0.0178, "peakSpeed": 0.0497, "idleShare": 1.0, "movementCount": 0, "trackedMs": 4500},
            "right": {"pathLength": 0.0793, "meanSpeed": 0.0176, "peakSpeed": 0.0502, "idleShare": 1.0,
            "movementCount": 0, "trackedMs": 4500}}, "balance": 0.9887}]}""";

    private AnalysisExamples() {
    }
}
