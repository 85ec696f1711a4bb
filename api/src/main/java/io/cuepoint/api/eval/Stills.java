package io.cuepoint.api.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The real photographs the corpus is made of: sample images of the Debian packages {@code opencv-doc}
 * and {@code python3-skimage}, read once and kept as packed RGB.
 */
final class Stills {
    static final Path OPENCV = Path.of("/usr/share/doc/opencv-doc/examples/data");
    static final Path SKIMAGE = Path.of("/usr/lib/python3/dist-packages/skimage/data");

    /** Colour photographs for shots, each different in content and palette. */
    static final List<String> COLOUR = List.of("opencv:aloeL.jpg", "opencv:building.jpg",
            "opencv:ela_original.jpg", "opencv:leuvenA.jpg", "opencv:pca_test1.jpg", "opencv:starry_night.jpg",
            "opencv:graf1.png", "opencv:fruits.jpg", "opencv:baboon.jpg", "opencv:orange.jpg",
            "opencv:messi5.jpg", "opencv:squirrel_cls.jpg", "opencv:home.jpg", "opencv:board.jpg",
            "opencv:stuff.jpg", "opencv:rubberwhale1.png", "opencv:smarties.png", "opencv:aero1.jpg",
            "skimage:astronaut.png", "skimage:chelsea.png", "skimage:coffee.png", "skimage:ihc.png",
            "skimage:motorcycle_left.png", "skimage:hubble_deep_field.jpg", "skimage:retina.jpg",
            "skimage:rocket.jpg");
    /** Grey photographs of one kind (calibration boards and textures): cuts between look-alike shots. */
    static final List<String> GREY = List.of("opencv:left01.jpg", "opencv:right05.jpg", "opencv:left09.jpg",
            "opencv:right12.jpg", "opencv:left13.jpg", "opencv:right03.jpg", "skimage:camera.png",
            "skimage:moon.png", "skimage:brick.png", "skimage:gravel.png");
    /** The presenter video of the picture-in-picture lectures. */
    static final String PRESENTER = "opencv:Megamind.avi";

    private Stills() {
    }

    /** Reads the named images ({@code opencv:<file>} or {@code skimage:<file>}). */
    static List<BufferedImage> load(List<String> names) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (String name : names) {
            images.add(read(name));
        }
        return images;
    }

    static BufferedImage read(String name) throws IOException {
        Path file = resolve(name);
        BufferedImage raw = ImageIO.read(file.toFile());
        if (raw == null) {
            throw new IOException("cannot decode corpus source image " + file);
        }
        var rgb = new BufferedImage(raw.getWidth(), raw.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.drawImage(raw, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** The file of a source, failing with the Debian package to install when it is missing. */
    static Path resolve(String name) {
        boolean opencv = name.startsWith("opencv:");
        Path file = (opencv ? OPENCV : SKIMAGE).resolve(name.substring(name.indexOf(':') + 1));
        if (!Files.isRegularFile(file)) {
            String pkg = opencv ? "opencv-doc" : "python3-skimage";
            throw new IllegalStateException("corpus source " + file + " is missing: install the Debian package "
                    + pkg + " (apt-get install " + pkg + ")");
        }
        return file;
    }

    /** Fails early, naming the package, when any source of the corpus is missing. */
    static void requireAll() {
        for (String name : COLOUR) {
            resolve(name);
        }
        for (String name : GREY) {
            resolve(name);
        }
        resolve(PRESENTER);
    }
}
