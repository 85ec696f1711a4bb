package io.cuepoint.ingest.decode;

/**
 * Loudness of one audio window, mixed over channels.
 *
 * @param startMs  media time of the window's first sample, milliseconds from the start of the file
 * @param rmsDbfs  RMS level in dBFS, clamped at {@link AudioMeter#SILENCE_DBFS}
 * @param peakDbfs peak level in dBFS, clamped at {@link AudioMeter#SILENCE_DBFS}
 */
public record AudioWindow(long startMs, float rmsDbfs, float peakDbfs) {
}
