package io.cuepoint.ingest.decode;

import io.cuepoint.ingest.wire.MediaInfo;
import java.util.ArrayList;
import java.util.List;

/** A listener that keeps everything, for assertions. */
final class Collected implements DecodeListener {
    MediaInfo media;
    final List<DecodedFrame> frames = new ArrayList<>();
    final List<AudioWindow> audio = new ArrayList<>();

    @Override
    public void onStart(MediaInfo media) {
        this.media = media;
    }

    @Override
    public void onFrame(DecodedFrame frame) {
        frames.add(frame);
    }

    @Override
    public void onAudio(AudioWindow window) {
        audio.add(window);
    }
}
