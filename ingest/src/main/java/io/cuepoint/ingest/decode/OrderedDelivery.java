package io.cuepoint.ingest.decode;

import io.cuepoint.ingest.IngestException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Hands decoded frames and audio to the listener in decode order, on the decoding thread, while the
 * analysis images are JPEG-encoded on a thread of their own.
 *
 * <p>Why: encoding a 640 px JPEG costs about as much as decoding several 720p frames, and FFmpeg's
 * frame threads leave part of the CPU idle while they wait on each other. Overlapping the two keeps
 * ingest at FFmpeg's own decode rate. At most {@value #MAX_PENDING} items wait for an image, so memory
 * stays bounded when encoding falls behind.
 */
final class OrderedDelivery implements AutoCloseable {
    private static final int MAX_PENDING = 16;

    private final FrameImager imager;
    private final ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "cuepoint-jpeg");
        thread.setDaemon(true);
        return thread;
    });
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    /** Something to hand on, possibly waiting for its JPEG. */
    private record Pending(Future<byte[]> jpeg, Consumer<byte[]> deliver) {
    }

    OrderedDelivery(FrameImager imager) {
        this.imager = imager;
    }

    /**
     * Queues a frame. {@code image} (owned from here on, may be null) is encoded on the encoder
     * thread; {@code deliver} receives the JPEG (or null) on this thread, in order.
     */
    void frame(Mat image, Consumer<byte[]> deliver) {
        Future<byte[]> jpeg = image == null ? null : encoder.submit(() -> {
            try (image) {
                return imager.encodeJpeg(image);
            }
        });
        pending.add(new Pending(jpeg, deliver));
        deliverReady(false);
    }

    /** Queues something without an image (audio), delivered after everything queued before it. */
    void then(Runnable deliver) {
        pending.add(new Pending(null, jpeg -> deliver.run()));
        deliverReady(false);
    }

    /** Delivers everything still queued, waiting for its images. */
    void flush() {
        deliverReady(true);
    }

    private void deliverReady(boolean all) {
        while (!pending.isEmpty()) {
            Pending head = pending.peek();
            boolean waiting = head.jpeg() != null && !head.jpeg().isDone();
            if (waiting && !all && pending.size() <= MAX_PENDING) {
                return;
            }
            pending.poll();
            head.deliver().accept(head.jpeg() == null ? null : await(head.jpeg()));
        }
    }

    private static byte[] await(Future<byte[]> jpeg) {
        try {
            return jpeg.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw IngestException.transientFailure("interrupted while encoding an analysis image", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw IngestException.transientFailure("encoding an analysis image failed: " + e.getCause(), e);
        }
    }

    @Override
    public void close() {
        // Frames still queued belong to a decode that failed or was abandoned; nobody waits for them. An
        // encode already running uses the imager's native buffers: let it finish before they are freed.
        encoder.shutdownNow();
        pending.clear();
        try {
            if (!encoder.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("JPEG encoder thread did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
