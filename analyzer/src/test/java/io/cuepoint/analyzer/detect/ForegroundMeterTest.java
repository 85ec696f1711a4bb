package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The foreground share that counts connected pixels only, on hand-made 40×30 masks. */
class ForegroundMeterTest {
    private static final int W = 40;
    private static final int H = 30;

    @Test
    void scatteredNoisePixelsDoNotCount() {
        var mask = new byte[W * H];
        // Every third pixel on every third row: each is foreground, none has a foreground neighbour.
        for (int y = 0; y < H; y += 3) {
            for (int x = 0; x < W; x += 3) {
                mask[y * W + x] = (byte) 255;
            }
        }
        assertThat(ForegroundMeter.coherentShare(mask, W, H)).isZero();
    }

    @Test
    void aThinMovingObjectCountsInFull() {
        var mask = new byte[W * H];
        // A bar two pixels wide and twenty tall, like an instrument seen from above.
        for (int y = 5; y < 25; y++) {
            mask[y * W + 10] = (byte) 255;
            mask[y * W + 11] = (byte) 255;
        }
        assertThat(ForegroundMeter.coherentShare(mask, W, H)).isCloseTo(40.0 / (W * H), within(1e-12));
    }

    @Test
    void aBlobAmidNoiseCountsAndTheNoiseDoesNot() {
        var mask = new byte[W * H];
        for (int y = 10; y < 20; y++) {
            for (int x = 20; x < 30; x++) {
                mask[y * W + x] = (byte) 255;
            }
        }
        // Isolated pixels kept two pixels away from each other and from the blob.
        var random = new Random(3);
        for (int i = 0; i < 200; i++) {
            int x = random.nextInt(W);
            int y = random.nextInt(H);
            boolean clear = true;
            for (int yy = Math.max(0, y - 2); yy <= Math.min(H - 1, y + 2); yy++) {
                for (int xx = Math.max(0, x - 2); xx <= Math.min(W - 1, x + 2); xx++) {
                    clear &= mask[yy * W + xx] == 0;
                }
            }
            if (clear) {
                mask[y * W + x] = (byte) 255;
            }
        }
        assertThat(ForegroundMeter.coherentShare(mask, W, H)).isCloseTo(100.0 / (W * H), within(1e-12));
    }
}
