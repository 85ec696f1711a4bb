package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SlideSignatureTest {
    private static final int COLS = 48;

    private static boolean[] lines(int... rows) {
        var cells = new boolean[COLS * 27];
        for (int row : rows) {
            Arrays.fill(cells, row * COLS + 2, row * COLS + 30, true);
        }
        return cells;
    }

    @Test
    void encodesOneBitPerCellRowByRow() {
        var cells = new boolean[COLS * 27];
        cells[0] = true;
        cells[5] = true;
        var signature = SlideSignature.encode(cells);
        assertThat(signature).startsWith("48x27:84").hasSize(6 + 324);
        assertThat(SlideSignature.distance(signature, signature)).isZero();
    }

    @Test
    void aPresenterCornerDoesNotMakeAnotherSlide() {
        var slide = lines(3, 8, 12, 16);
        var withPresenter = slide.clone();
        for (int y = 17; y < 27; y++) {
            Arrays.fill(withPresenter, y * COLS + 36, y * COLS + 48, true);
        }
        assertThat(SlideSignature.distance(SlideSignature.encode(slide), SlideSignature.encode(withPresenter)))
                .isZero();
    }

    @Test
    void otherLinesAreAnotherSlide() {
        double d = SlideSignature.distance(SlideSignature.encode(lines(3, 8, 12, 16)),
                SlideSignature.encode(lines(3, 6, 10, 14, 20)));
        assertThat(d).isGreaterThan(SlideSignature.SAME_SLIDE);
    }

    @Test
    void rejectsWhatIsNoSignature() {
        var valid = SlideSignature.encode(lines(3));
        assertThatThrownBy(() -> SlideSignature.distance("abc", valid)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlideSignature.distance("48x27:00", valid)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlideSignature.distance(valid.replace('0', 'z'), valid))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlideSignature.distance("4x2:ff", valid)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlideSignature.encode(new boolean[10])).isInstanceOf(IllegalArgumentException.class);
    }
}
