package io.cuepoint.ingest.wire;

/**
 * What the container says about a video, as ingest found it.
 *
 * @param durationMs        media duration in milliseconds (0 when the container does not say)
 * @param frameRate         average frame rate in frames per second
 * @param width             display width in pixels, after rotation and sample aspect ratio
 * @param height            display height in pixels, after rotation and sample aspect ratio
 * @param codedWidth        width of the coded picture
 * @param codedHeight       height of the coded picture
 * @param rotation          clockwise rotation in degrees from the display matrix (0, 90, 180, 270)
 * @param sampleAspectRatio pixel aspect ratio (1 for square pixels)
 * @param format            container format name as FFmpeg reports it
 * @param videoCodec        video codec name
 * @param audioCodec        audio codec name, null without audio
 * @param audioSampleRate   audio sample rate in Hz, 0 without audio
 * @param audioChannels     number of audio channels, 0 without audio
 * @param hasAudio          whether an audio stream is present
 * @param sizeBytes         file size in bytes
 */
public record MediaInfo(long durationMs, double frameRate, int width, int height, int codedWidth,
                        int codedHeight, int rotation, double sampleAspectRatio, String format,
                        String videoCodec, String audioCodec, int audioSampleRate, int audioChannels,
                        boolean hasAudio, long sizeBytes) {
}
