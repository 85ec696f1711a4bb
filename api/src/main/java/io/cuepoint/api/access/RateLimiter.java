package io.cuepoint.api.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets, one per name (an actor, or a remote address for sign-ins): each holds up to {@code burst}
 * tokens, refilled at {@code perSecond}; a request takes one. In memory, so per replica.
 */
final class RateLimiter {
    /** Buckets of names that went quiet are dropped past this many, so the map cannot grow without bound. */
    private static final int MAX_BUCKETS = 100_000;

    private final double perNano;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    RateLimiter(double perSecond, int burst) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
    }

    /** Takes a token for {@code name}: 0 when allowed, else how many nanoseconds until a token is there. */
    long take(String name) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(b -> available(b, now) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(name, n -> new Bucket(burst, now));
        synchronized (bucket) {
            double tokens = available(bucket, now);
            bucket.refilledAt = now;
            if (tokens >= 1) {
                bucket.tokens = tokens - 1;
                return 0;
            }
            bucket.tokens = tokens;
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }

    /** The tokens a bucket holds at {@code now}: what it had plus what accrued since, up to the burst. */
    private double available(Bucket b, long now) {
        return Math.min(burst, b.tokens + (now - b.refilledAt) * perNano);
    }
}
