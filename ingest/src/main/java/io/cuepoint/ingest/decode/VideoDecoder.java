package io.cuepoint.ingest.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.IngestException;
import io.cuepoint.ingest.wire.AudioRecord;
import io.cuepoint.ingest.wire.MediaInfo;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one media file with FFmpeg (through JavaCV) into thumbnails for every frame, analysis JPEGs at
 * the sampling rate and on the last frame of each segment (see {@link FrameSampler}), and audio loudness
 * windows, each with its stretch of the waveform at {@link AudioRecord#PCM_RATE} unless
 * {@link IngestConfig#audioPcm()} is off. Times come from each frame's presentation timestamp, so
 * variable-frame-rate files are timed correctly; images are turned to display orientation and corrected for
 * non-square pixels.
 *
 * <p>One instance may decode many files, one at a time; it is not thread-safe.
 */
public final class VideoDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(VideoDecoder.class);
    /** A damaged file is given up after this many failed grabs in a row: nothing after them decodes either. */
    static final int MAX_CONSECUTIVE_FAILURES = 50;

    static {
        // FFmpeg writes to stderr, outside the service's logging (and over the command line's progress
        // bar). Route it through SLF4J instead, at WARNING and above: its INFO level dumps every file's
        // stream table, its warnings (damaged streams) are what operators need.
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        }
        FFmpegLogCallback.setLevel(avutil.AV_LOG_WARNING);
        FFmpegLogCallback.set();
    }

    private final IngestConfig config;

    public VideoDecoder(IngestConfig config) {
        this.config = config;
    }

    /** Reads what the container says about a video, without decoding it. */
    public MediaInfo probe(Path file) {
        try (var opened = open(file)) {
            return opened.media;
        }
    }

    /**
     * Decodes the whole file, handing frames and audio windows to {@code listener} as they come.
     *
     * @throws IngestException (permanent) when the file is missing, empty, not a media file, has no video
     *                         stream, or no frame of it decodes
     */
    public DecodeResult decode(Path file, DecodeListener listener) {
        try (var opened = open(file)) {
            return opened.run(listener);
        }
    }

    private Opened open(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        long size;
        try {
            if (!Files.exists(file)) {
                throw IngestException.badInput("file not found: " + file);
            }
            if (!Files.isRegularFile(file)) {
                throw IngestException.badInput("not a file: " + file);
            }
            if (!Files.isReadable(file)) {
                throw IngestException.badInput("cannot read " + name + ": permission denied");
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw IngestException.badInput("cannot read " + name + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            throw IngestException.badInput("file is empty: " + name);
        }
        var grabber = new FFmpegFrameGrabber(file.toFile());
        // RAW: we convert the decoder's own picture ourselves (see FrameImager), so JavaCV must not spend
        // a full-frame colour conversion on every frame first.
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        // Interleaved float samples: loudness in dBFS is then a direct computation, whatever the codec.
        grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
        // Frame and slice threading; "0" lets FFmpeg pick one thread per core.
        grabber.setVideoOption("threads", Integer.toString(config.decoderThreads()));
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(grabber);
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("Did not find a video or audio stream")) {
                throw IngestException.badInput("not a video file: no video stream found in " + name, e);
            }
            // JavaCV's message is about its own API ("Has setFormat() been called?"); the user gets the
            // plain reason, the log and the cause keep the details.
            LOG.debug("{}: FFmpeg cannot open it: {}", name, msg);
            throw IngestException.badInput("cannot read " + name
                    + ": not a media file FFmpeg recognises, or it is damaged or truncated", e);
        }
        if (!grabber.hasVideo()) {
            closeQuietly(grabber);
            throw IngestException.badInput("not a video file: no video stream found in " + name);
        }
        return new Opened(name, grabber, mediaInfo(grabber, size));
    }

    private static MediaInfo mediaInfo(FFmpegFrameGrabber g, long size) {
        int codedW = g.getImageWidth();
        int codedH = g.getImageHeight();
        double sar = g.getAspectRatio();
        if (!(sar > 0) || Double.isInfinite(sar)) {
            sar = 1.0;
        }
        int rotation = rotation(g);
        int displayW = (int) Math.round(codedW * sar);
        int displayH = codedH;
        if (rotation == 90 || rotation == 270) {
            int t = displayW;
            displayW = displayH;
            displayH = t;
        }
        boolean audio = g.hasAudio();
        return new MediaInfo(Math.max(0, g.getLengthInTime() / 1000), g.getVideoFrameRate(), displayW, displayH,
                codedW, codedH, rotation, sar, g.getFormat(), codecName(g.getVideoCodec()),
                audio ? codecName(g.getAudioCodec()) : null, audio ? g.getSampleRate() : 0,
                audio ? g.getAudioChannels() : 0, audio, size);
    }

    /** Clockwise degrees, from the display matrix (counter-clockwise there) or the legacy "rotate" tag. */
    static int rotation(FFmpegFrameGrabber g) {
        double ccw = g.getDisplayRotation();
        long cw = Math.round(-ccw);
        if (cw == 0) {
            String tag = g.getVideoMetadata("rotate");
            if (tag != null && !tag.isBlank()) {
                try {
                    cw = Math.round(Double.parseDouble(tag.trim()));
                } catch (NumberFormatException e) {
                    LOG.warn("ignoring unparseable rotate tag {}", tag);
                }
            }
        }
        int r = (int) (((cw % 360) + 360) % 360);
        // Only quarter turns are meaningful for video; anything else is treated as the nearest one.
        return (int) (Math.round(r / 90.0) * 90) % 360;
    }

    private static String codecName(int id) {
        var p = avcodec.avcodec_get_name(id);
        return p == null ? null : p.getString();
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (Exception e) {
            LOG.debug("closing grabber", e);
        }
    }

    /** An open file and the state of one decode over it. */
    private final class Opened implements AutoCloseable {
        final String name;
        final FFmpegFrameGrabber grabber;
        final MediaInfo media;

        Opened(String name, FFmpegFrameGrabber grabber, MediaInfo media) {
            this.name = name;
            this.grabber = grabber;
            this.media = media;
        }

        DecodeResult run(DecodeListener listener) {
            listener.onStart(media);
            var ctx = grabber.getFormatContext();
            long startUs = ctx.start_time() == AV_NOPTS_VALUE ? 0 : ctx.start_time();
            AudioMeter meter = media.hasAudio() && media.audioSampleRate() > 0
                    ? new AudioMeter(media.audioSampleRate(), media.audioChannels(), config.audioWindowMs(),
                    config.audioPcm() ? AudioRecord.PCM_RATE : 0, listener::onAudio)
                    : null;
            int corrupt = 0;
            int consecutiveFailures = 0;
            long lastPts = 0;
            long frames;
            long sampled;
            try (var imager = new FrameImager(media.width(), media.height(), media.rotation(),
                    config.thumbnailWidth(), config.analysisMaxSide(), config.jpegQuality());
                 var delivery = new OrderedDelivery(imager);
                 var sampler = new FrameSampler(config.sampleFps(), config.segmentMs(), imager, delivery,
                         listener::onFrame)) {
                while (true) {
                    Frame f;
                    try {
                        f = grabber.grabFrame(meter != null, true, true, false, false);
                        consecutiveFailures = 0;
                    } catch (FrameGrabber.Exception e) {
                        corrupt++;
                        if (++consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
                            throw IngestException.badInput("cannot read " + name + ": decoding failed "
                                    + consecutiveFailures + " times in a row after frame " + sampler.frames()
                                    + " (" + e.getMessage() + ")", e);
                        }
                        LOG.warn("{}: skipping undecodable data after frame {}: {}", name, sampler.frames(),
                                e.getMessage());
                        continue;
                    }
                    if (f == null) {
                        break;
                    }
                    long ptsMs = Math.max(0, Math.round((f.timestamp - startUs) / 1000.0));
                    if (f.image != null && f.opaque instanceof AVFrame picture) {
                        if ((picture.flags() & AVFrame.AV_FRAME_FLAG_CORRUPT) != 0 || picture.decode_error_flags() != 0) {
                            // The decoder concealed errors in this picture; publishing it would show the
                            // detectors smeared blocks that are not in the video.
                            corrupt++;
                            continue;
                        }
                        // Some broken files step back in time; keeping times monotonic keeps segments in order.
                        ptsMs = Math.max(ptsMs, lastPts);
                        lastPts = ptsMs;
                        sampler.accept(picture, ptsMs);
                    } else if (f.samples != null && meter != null && f.samples[0] instanceof FloatBuffer samples) {
                        // The grabber reuses its sample buffer: copy before the delivery waits in line. Audio
                        // may so be handed on just before the video frame the sampler still holds back.
                        float[] copy = new float[samples.remaining()];
                        samples.duplicate().get(copy);
                        long pts = ptsMs;
                        delivery.then(() -> meter.accept(pts, FloatBuffer.wrap(copy)));
                    }
                }
                sampler.finish();
                delivery.flush();
                frames = sampler.frames();
                sampled = sampler.sampled();
            }
            if (meter != null) {
                meter.finish();
            }
            if (frames == 0) {
                throw IngestException.badInput("cannot read " + name + ": no video frame could be decoded"
                        + (corrupt > 0 ? " (" + corrupt + " damaged)" : "") + "; the file may be truncated or damaged");
            }
            long frameMs = media.frameRate() > 0 ? Math.round(1000 / media.frameRate()) : 0;
            long endMs = Math.max(media.durationMs(), lastPts + frameMs);
            LOG.debug("{}: {} frames, {} sampled, {} corrupt, end {} ms", name, frames, sampled, corrupt, endMs);
            return new DecodeResult(media, frames, sampled, corrupt, endMs);
        }

        @Override
        public void close() {
            closeQuietly(grabber);
        }
    }
}
