package io.cuepoint.ingest.decode;

import io.cuepoint.ingest.wire.MediaInfo;

/**
 * Receives what {@link VideoDecoder} produces, on the decoding thread, in media order per stream.
 * A listener that throws stops the decode; the exception reaches the caller of
 * {@link VideoDecoder#decode}.
 */
public interface DecodeListener {

    /** Called once, before any frame, with what the container says. */
    default void onStart(MediaInfo media) {
    }

    /** Called for every decoded video frame. */
    void onFrame(DecodedFrame frame);

    /** Called for every complete audio window (never for a file without audio). */
    default void onAudio(AudioWindow window) {
    }
}
