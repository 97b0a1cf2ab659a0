package org.relayrcm.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Failures per key (a user name, a client address) in a sliding window. A key with {@code limit} failures inside the
 * window is refused until the oldest of them leaves it, so a refusal always ends on its own. In memory: one node's
 * count only.
 */
final class FailureCounter {

    /** Above this many keys, a failure also drops every key whose failures have all left the window. */
    static final int SWEEP_ABOVE = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    /** Each deque is only touched inside the map's per-key atomic compute calls. */
    private final ConcurrentMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    FailureCounter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    void record(String key) {
        Instant now = clock.instant();
        failures.compute(key, (k, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            forgetExpired(kept, now);
            kept.addLast(now);
            // Only the newest `limit` failures can decide a refusal.
            while (kept.size() > limit) {
                kept.removeFirst();
            }
            return kept;
        });
        if (failures.size() > SWEEP_ABOVE) {
            failures.keySet().forEach(k -> failures.computeIfPresent(k, (kk, times) -> {
                forgetExpired(times, now);
                return times.isEmpty() ? null : times;
            }));
        }
    }

    /** How long the key stays refused, or empty if it may try now. */
    Optional<Duration> refusedFor(String key) {
        if (!failures.containsKey(key)) {
            return Optional.empty();   // the common case, a key with no failures: no lock taken
        }
        Instant now = clock.instant();
        Instant[] oldest = new Instant[1];
        failures.computeIfPresent(key, (k, times) -> {
            forgetExpired(times, now);
            if (times.size() >= limit) {
                oldest[0] = times.peekFirst();
            }
            return times.isEmpty() ? null : times;
        });
        return oldest[0] == null ? Optional.empty() : Optional.of(Duration.between(now, oldest[0].plus(window)));
    }

    void clear(String key) {
        failures.remove(key);
    }

    int keys() {
        return failures.size();
    }

    private void forgetExpired(Deque<Instant> times, Instant now) {
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }
}
