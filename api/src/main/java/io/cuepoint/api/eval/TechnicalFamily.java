package io.cuepoint.api.eval;

import io.cuepoint.api.eval.GroundTruth.Label;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Technical faults in otherwise moving footage with sound: black stretches (every pixel black), frozen
 * stretches (one frame repeated exactly for 2-5 s, as when a stream stalls), dark but not black
 * stretches (not labelled), and silences in a sound track of speech-like bursts, tone and noise.
 *
 * <p>Truth: {@code tech.black} and {@code tech.frozen} in frames (a frozen stretch starts at the frame
 * that is held), {@code audio.silence} in milliseconds.
 */
final class TechnicalFamily {
    static final List<String> SCORED = List.of("tech.black", "tech.frozen", "audio.silence");

    private final CorpusSize size;
    private final List<BufferedImage> photos;

    TechnicalFamily(CorpusSize size, List<BufferedImage> photos) {
        this.size = size;
        this.photos = photos;
    }

    long render(Path video, ClipTruth truth, Random random) throws IOException {
        int w = size.width();
        int h = size.height();
        int target = size.otherSeconds() * ClipWriter.FPS;
        AudioSynth.Sound[] sound = new AudioSynth.Sound[target + 15 * ClipWriter.FPS];
        boolean[] digital = new boolean[sound.length];
        planAudio(random, sound, digital, target, size.brief() ? 0.5 : 1);
        var shot = StillShot.lively(photos.get(random.nextInt(photos.size())), w, h, sound.length, random);
        var synth = new AudioSynth(random);
        var picture = new Canvas(w, h);
        var out = new Canvas(w, h);
        try (var writer = new ClipWriter(video, w, h, true)) {
            int local = 0;
            boolean first = true;
            double pace = size.brief() ? 0.5 : 1;
            var faults = new ShuffleBag<>(random, List.of(0, 0, 1, 1, 2));
            while (writer.frames() < target) {
                int normal = (int) Math.round((first ? 2 : pace * (1.5 + 3 * random.nextDouble())) * ClipWriter.FPS);
                first = false;
                for (int k = 0; k < normal; k++, local++) {
                    shot.draw(picture, local);
                    emit(writer, synth, picture, sound, digital);
                }
                int event = faults.next();
                long start = writer.frames();
                if (event == 0) {
                    int n = (int) Math.round((0.4 + 2.6 * pace * random.nextDouble()) * ClipWriter.FPS);
                    truth.interval("tech.black", start, start + n - 1);
                    out.fill(0);
                    for (int k = 0; k < n; k++, local++) {
                        emit(writer, synth, out, sound, digital);
                    }
                } else if (event == 1) {
                    // The last normal frame is held: the frozen picture starts with it.
                    int n = (int) Math.round((2 + 3 * pace * random.nextDouble()) * ClipWriter.FPS);
                    truth.interval("tech.frozen", start - 1, start + n - 1);
                    for (int k = 0; k < n; k++, local++) {
                        emit(writer, synth, picture, sound, digital);
                    }
                } else {
                    int n = (int) Math.round(2 * pace * ClipWriter.FPS);
                    for (int k = 0; k < n; k++, local++) {
                        shot.draw(picture, local);
                        out.toward(picture, 0, 0.6);
                        emit(writer, synth, out, sound, digital);
                    }
                }
            }
            // The clip ends on moving footage, so no fault touches its end.
            for (int k = 0; k < ClipWriter.FPS; k++, local++) {
                shot.draw(picture, local);
                emit(writer, synth, picture, sound, digital);
            }
            long frames = writer.frames();
            for (int f = 0; f < frames; f++) {
                if (sound[f] == AudioSynth.Sound.SILENCE && (f == 0 || sound[f - 1] != AudioSynth.Sound.SILENCE)) {
                    int end = f;
                    while (end + 1 < frames && sound[end + 1] == AudioSynth.Sound.SILENCE) {
                        end++;
                    }
                    truth.add(Label.intervalMs("audio.silence", f * 1000L / ClipWriter.FPS,
                            (end + 1) * 1000L / ClipWriter.FPS));
                }
            }
            return frames;
        }
    }

    private static void emit(ClipWriter writer, AudioSynth synth, Canvas picture, AudioSynth.Sound[] sound,
                             boolean[] digital) throws IOException {
        int f = (int) writer.frames();
        writer.audio(synth.next(sound[f], digital[f]));
        writer.video(picture);
    }

    /** Sound for every frame; silences of 1.2-4 s never touch each other nor the clip's ends. */
    private static void planAudio(Random random, AudioSynth.Sound[] sound, boolean[] digital, int target,
                                  double pace) {
        var sounds = new ShuffleBag<>(random, List.of(AudioSynth.Sound.VOICE, AudioSynth.Sound.VOICE,
                AudioSynth.Sound.TONE, AudioSynth.Sound.NOISE));
        int f = 0;
        boolean silentBefore = true;
        while (f < sound.length) {
            AudioSynth.Sound s;
            double seconds;
            if (!silentBefore && f < target - 5 * ClipWriter.FPS && random.nextInt(100) < 55) {
                s = AudioSynth.Sound.SILENCE;
                seconds = 1.2 + 2.8 * pace * random.nextDouble();
            } else {
                s = sounds.next();
                seconds = Math.max(1, pace * (s == AudioSynth.Sound.VOICE ? 2 + 5 * random.nextDouble() : 1 + 2 * random.nextDouble()));
            }
            boolean zero = random.nextBoolean();
            int n = (int) Math.round(seconds * ClipWriter.FPS);
            for (int k = 0; k < n && f < sound.length; k++, f++) {
                sound[f] = s;
                digital[f] = zero;
            }
            silentBefore = s == AudioSynth.Sound.SILENCE;
        }
    }
}
