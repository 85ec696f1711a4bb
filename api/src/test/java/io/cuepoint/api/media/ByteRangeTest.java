package io.cuepoint.api.media;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Range headers of every form against a 100-byte file (RFC 9110 section 14). */
class ByteRangeTest {
    private static final long SIZE = 100;

    @Test
    void singleRanges() {
        assertThat(ByteRange.parse("bytes=0-9", SIZE)).contains(new ByteRange(0, 9));
        assertThat(ByteRange.parse("bytes=90-", SIZE)).contains(new ByteRange(90, 99));
        assertThat(ByteRange.parse("BYTES= 5 - 5", SIZE)).contains(new ByteRange(5, 5));
        assertThat(ByteRange.parse("bytes=-10", SIZE)).contains(new ByteRange(90, 99));
        // A suffix longer than the file, or a last byte past the end, means up to the whole file.
        assertThat(ByteRange.parse("bytes=-1000", SIZE)).contains(new ByteRange(0, 99));
        assertThat(ByteRange.parse("bytes=50-1000", SIZE)).contains(new ByteRange(50, 99));
        assertThat(new ByteRange(90, 99).contentRange(SIZE)).isEqualTo("bytes 90-99/100");
        assertThat(new ByteRange(90, 99).length()).isEqualTo(10);
    }

    @Test
    void whatIsIgnoredServesTheWholeFile() {
        for (String header : new String[] {null, "", "items=0-1", "bytes=0-1,5-6", "bytes=x-", "bytes=9-2", "bytes=5"}) {
            assertThat(ByteRange.parse(header, SIZE)).as(header).isEqualTo(Optional.empty());
        }
    }

    @Test
    void rangesPastTheEndAreUnsatisfiable() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=100-", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=100-200", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }
}
