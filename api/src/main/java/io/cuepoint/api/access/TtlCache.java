package io.cuepoint.api.access;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small map whose entries expire after a fixed time, so a lookup repeated within that time costs no query.
 * When it grows past its bound it is cleared rather than evicting carefully: the entries are cheap to read again.
 */
final class TtlCache<K, V> {
    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Moves on every invalidation, so a load that raced with one is not cached (it may have read the old row). */
    private final AtomicLong generation = new AtomicLong();

    TtlCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The cached value, or the loaded one (then cached); {@code load} runs outside any lock. */
    V get(K key, Function<K, V> load) {
        return get(key, load, v -> true);
    }

    /** As {@link #get(Object, Function)}, caching a loaded value only when {@code keep} accepts it. */
    V get(K key, Function<K, V> load, Predicate<V> keep) {
        long now = System.nanoTime();
        Entry<V> e = entries.get(key);
        if (e != null && now - e.expiresAtNanos < 0) {
            return e.value;
        }
        long seen = generation.get();
        V value = load.apply(key);
        if (ttlNanos > 0 && keep.test(value) && generation.get() == seen) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now + ttlNanos));
            if (generation.get() != seen) {
                entries.remove(key);
            }
        }
        return value;
    }

    void invalidate(K key) {
        generation.incrementAndGet();
        entries.remove(key);
    }

    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
