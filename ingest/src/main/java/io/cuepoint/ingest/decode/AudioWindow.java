package io.cuepoint.ingest.decode;

/**
 * Loudness of one audio window, mixed over channels, and optionally the window's mono waveform.
 *
 * @param startMs  media time of the window's first sample, milliseconds from the start of the file
 * @param rmsDbfs  RMS level in dBFS, clamped at {@link AudioMeter#SILENCE_DBFS}
 * @param peakDbfs peak level in dBFS, clamped at {@link AudioMeter#SILENCE_DBFS}
 * @param pcm      the downmix resampled to the meter's PCM rate, from {@code startMs} up to the next
 *                 window's start (consecutive windows' PCM joins without gap or overlap); null when the
 *                 meter makes none
 */
public record AudioWindow(long startMs, float rmsDbfs, float peakDbfs, short[] pcm) {

    /** A window with loudness only. */
    public AudioWindow(long startMs, float rmsDbfs, float peakDbfs) {
        this(startMs, rmsDbfs, peakDbfs, null);
    }
}
