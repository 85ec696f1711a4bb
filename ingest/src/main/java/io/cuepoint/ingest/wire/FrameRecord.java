package io.cuepoint.ingest.wire;

/**
 * One decoded frame. Every frame carries a thumbnail for the temporal detectors; frames picked by the
 * sampling rate also carry an analysis image, and so does the last frame of every segment but the video's
 * last, so that the next segment's lead-in (a copy of it) carries one too.
 *
 * @param schema         record schema version, {@link SegmentRecord#SCHEMA}
 * @param videoId        the video
 * @param segment        the segment this record belongs to
 * @param frame          frame number in decode order, from 0, over the whole video
 * @param ptsMs          presentation time in media milliseconds from the start of the video
 * @param leadIn         true for the segment's first record: the last frame of the previous segment,
 *                       repeated so that a change on the boundary is still seen
 * @param thumbWidth     thumbnail width in pixels
 * @param thumbHeight    thumbnail height in pixels
 * @param thumbnail      thumbnail pixels, packed BGR, 3 bytes per pixel, rows top to bottom
 * @param analysisJpeg   the analysis image as JPEG (display orientation, long side at most the
 *                       configured size), or null when this frame is not sampled
 * @param analysisWidth  width of the analysis image, 0 without one
 * @param analysisHeight height of the analysis image, 0 without one
 */
public record FrameRecord(int schema, String videoId, int segment, long frame, long ptsMs, boolean leadIn,
                          int thumbWidth, int thumbHeight, byte[] thumbnail, byte[] analysisJpeg,
                          int analysisWidth, int analysisHeight) implements SegmentRecord {

    public boolean sampled() {
        return analysisJpeg != null;
    }
}
