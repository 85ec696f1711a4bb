package io.cuepoint.api.eval;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * The presenter of a picture-in-picture lecture: the frames of opencv-doc's Megamind.avi (a real video
 * with its own cuts), scaled once into the lower-right corner's size and looped.
 */
final class Presenter {
    private final List<BufferedImage> frames;
    private final double sourceFps;

    private Presenter(List<BufferedImage> frames, double sourceFps) {
        this.frames = frames;
        this.sourceFps = sourceFps;
    }

    /** Decodes the presenter video, scaled to {@code width} pixels wide. */
    static Presenter load(int width) throws IOException {
        var file = Stills.resolve(Stills.PRESENTER);
        List<BufferedImage> frames = new ArrayList<>();
        try (var grabber = new FFmpegFrameGrabber(file.toFile()); var converter = new Java2DFrameConverter()) {
            grabber.start();
            double fps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 24;
            Frame f;
            while ((f = grabber.grabImage()) != null) {
                BufferedImage src = converter.convert(f);
                int height = (int) Math.round(width * (double) src.getHeight() / src.getWidth());
                var scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = scaled.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(src, 0, 0, width, height, null);
                g.dispose();
                frames.add(scaled);
            }
            grabber.stop();
            if (frames.isEmpty()) {
                throw new IOException("no frames in presenter video " + file);
            }
            return new Presenter(List.copyOf(frames), fps);
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IOException("cannot decode presenter video " + file + ": " + e.getMessage(), e);
        } catch (Exception e) {
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot decode presenter video " + file + ": " + e.getMessage(), e);
        }
    }

    /** Draws the presenter as seen at clip frame {@code frame} (25 fps), with a thin frame, lower right. */
    void draw(Canvas canvas, long frame, long offset) {
        BufferedImage img = frames.get((int) (((frame + offset) * sourceFps / ClipWriter.FPS) % frames.size()));
        int w = img.getWidth();
        int h = img.getHeight();
        int margin = Math.max(4, canvas.width() / 64);
        int x = canvas.width() - w - margin;
        int y = canvas.height() - h - margin;
        Graphics2D g = canvas.image().createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(x - 2, y - 2, w + 4, h + 4);
        g.drawImage(img, x, y, null);
        g.dispose();
    }
}
