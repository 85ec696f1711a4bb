package io.cuepoint.api.engagement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of media-time intervals {@code [start, end)}, merged where they touch or overlap, so that the time
 * they cover in a window is a plain sum.
 */
final class Intervals {
    private final long[] starts;
    private final long[] ends;

    private Intervals(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** The union of {@code spans}, each {@code {start, end}}; empty spans are dropped. */
    static Intervals of(List<long[]> spans) {
        var sorted = new ArrayList<long[]>();
        for (long[] s : spans) {
            if (s[1] > s[0]) {
                sorted.add(s);
            }
        }
        sorted.sort(Comparator.comparingLong(s -> s[0]));
        var st = new ArrayList<Long>();
        var en = new ArrayList<Long>();
        for (long[] s : sorted) {
            int last = en.size() - 1;
            if (last >= 0 && s[0] <= en.get(last)) {
                en.set(last, Math.max(en.get(last), s[1]));
            } else {
                st.add(s[0]);
                en.add(s[1]);
            }
        }
        return new Intervals(st.stream().mapToLong(Long::longValue).toArray(),
                en.stream().mapToLong(Long::longValue).toArray());
    }

    boolean isEmpty() {
        return starts.length == 0;
    }

    /** Milliseconds of {@code [from, to)} that the set covers. */
    long covered(long from, long to) {
        long sum = 0;
        for (int i = 0; i < starts.length && starts[i] < to; i++) {
            sum += Math.max(0, Math.min(ends[i], to) - Math.max(starts[i], from));
        }
        return sum;
    }

    /** Whether media time {@code t} lies inside the set. */
    boolean contains(long t) {
        for (int i = 0; i < starts.length && starts[i] <= t; i++) {
            if (t < ends[i]) {
                return true;
            }
        }
        return false;
    }

    /** The stretches of {@code [from, to)} the set does not cover, each {@code {start, end}}. */
    List<long[]> gaps(long from, long to) {
        var out = new ArrayList<long[]>();
        long at = from;
        for (int i = 0; i < starts.length && starts[i] < to; i++) {
            if (starts[i] > at) {
                out.add(new long[] {at, starts[i]});
            }
            at = Math.max(at, ends[i]);
        }
        if (at < to) {
            out.add(new long[] {at, to});
        }
        return out;
    }

    /** The intersection with {@code other}. */
    Intervals intersect(Intervals other) {
        var out = new ArrayList<long[]>();
        for (int i = 0; i < starts.length; i++) {
            for (int j = 0; j < other.starts.length; j++) {
                long s = Math.max(starts[i], other.starts[j]);
                long e = Math.min(ends[i], other.ends[j]);
                if (e > s) {
                    out.add(new long[] {s, e});
                }
            }
        }
        return of(out);
    }

    /** Each interval as {@code {start, end}}, in time order. */
    List<long[]> spans() {
        var out = new ArrayList<long[]>();
        for (int i = 0; i < starts.length; i++) {
            out.add(new long[] {starts[i], ends[i]});
        }
        return out;
    }
}
