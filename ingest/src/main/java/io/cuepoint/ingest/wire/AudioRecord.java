package io.cuepoint.ingest.wire;

/**
 * Audio features of one segment: loudness over consecutive windows, mixed over all channels.
 *
 * @param schema       record schema version, {@link SegmentRecord#SCHEMA}
 * @param videoId      the video
 * @param segment      the segment
 * @param startMs      media time of the first window's start
 * @param windowMs     window length in milliseconds (default 20)
 * @param sampleRate   the audio stream's sample rate in Hz
 * @param rmsDbfs      RMS level of each window in dBFS (0 = full scale; silence is clamped at -120)
 * @param peakDbfs     peak sample level of each window in dBFS
 */
public record AudioRecord(int schema, String videoId, int segment, long startMs, int windowMs, int sampleRate,
                          float[] rmsDbfs, float[] peakDbfs) implements SegmentRecord {
}
