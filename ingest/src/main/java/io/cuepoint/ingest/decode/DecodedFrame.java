package io.cuepoint.ingest.decode;

/**
 * One decoded video frame, already reduced to what ingest publishes. The arrays are owned by this
 * record: they stay valid after the decoder moves on.
 *
 * @param frame          frame number in decode (output) order, from 0
 * @param ptsMs          presentation time in milliseconds from the start of the file
 * @param thumbWidth     thumbnail width in pixels (display orientation)
 * @param thumbHeight    thumbnail height in pixels
 * @param thumbnail      packed BGR pixels, rows top to bottom
 * @param analysisJpeg   analysis image as JPEG, or null when this frame is not sampled
 * @param analysisWidth  analysis image width, 0 without one
 * @param analysisHeight analysis image height, 0 without one
 */
public record DecodedFrame(long frame, long ptsMs, int thumbWidth, int thumbHeight, byte[] thumbnail,
                           byte[] analysisJpeg, int analysisWidth, int analysisHeight) {

    public boolean sampled() {
        return analysisJpeg != null;
    }
}
