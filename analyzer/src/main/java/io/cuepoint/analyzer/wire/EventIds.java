package io.cuepoint.analyzer.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic event ids: the same video, detector, type, start frame and track always give the same
 * id, so a segment analysed twice upserts the same rows.
 */
public final class EventIds {
    private EventIds() {
    }

    public static String of(String videoId, String detector, String type, long startFrame, String track) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var key = String.join("\u0000", videoId, detector, type, Long.toString(startFrame),
                    track == null ? "" : track);
            byte[] hash = digest.digest(key.getBytes(StandardCharsets.UTF_8));
            // 128 bits is far beyond any collision risk within one video and keeps ids short.
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
