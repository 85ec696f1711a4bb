package io.cuepoint.ingest.decode;

import io.cuepoint.ingest.wire.MediaInfo;

/**
 * The outcome of a complete decode.
 *
 * @param media         what the container said
 * @param frames        video frames delivered
 * @param sampled       frames that carried an analysis image (on a sampling tick or as a segment's last
 *                      frame)
 * @param corruptFrames frames skipped or flagged because they could not be decoded cleanly
 * @param endMs         end of the media in milliseconds: the later of the container duration and the
 *                      last frame's presentation time plus one frame
 */
public record DecodeResult(MediaInfo media, long frames, long sampled, int corruptFrames, long endMs) {
}
