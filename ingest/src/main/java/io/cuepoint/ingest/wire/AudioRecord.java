package io.cuepoint.ingest.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param pcmRate      sample rate of {@code pcm} in Hz ({@link #PCM_RATE}), 0 when the record carries none
 * @param pcm          the segment's audio as mono 16-bit signed little-endian samples at {@code pcmRate},
 *                     starting at {@code startMs}: a downmix resampled for speech analysis (the analyzer's
 *                     speech cues need the waveform, not only the loudness windows); null when absent
 *                     (records from producers before this field, or videos without audio)
 */
public record AudioRecord(int schema, String videoId, int segment, long startMs, int windowMs, int sampleRate,
                          float[] rmsDbfs, float[] peakDbfs,
                          // Left out at 0 like pcm at null: a record without waveform reads as before it.
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) int pcmRate,
                          byte[] pcm) implements SegmentRecord {
    /** The rate ingest resamples speech audio to: enough for pitch, syllables and voice activity. */
    public static final int PCM_RATE = 16_000;

    /** A record with loudness windows only, no waveform. */
    public AudioRecord(int schema, String videoId, int segment, long startMs, int windowMs, int sampleRate,
                       float[] rmsDbfs, float[] peakDbfs) {
        this(schema, videoId, segment, startMs, windowMs, sampleRate, rmsDbfs, peakDbfs, 0, null);
    }
}
