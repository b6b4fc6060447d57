package dev.optamigrate.kubernetes.pod;

import java.time.Duration;
import java.util.Objects;

/**
 * How long something has been seen without a break, on this machine's monotonic clock, so that no clock skew
 * between this machine and the cluster matters: a problem that must persist before it counts, a pod that stays
 * terminating. Seeing something else (or nothing) starts over.
 */
public final class Sighting {
    private Object seen;
    private long since;

    /** Records that {@code what} is seen now (null: nothing is) and returns for how long it has been seen. */
    public Duration see(Object what) {
        long now = System.nanoTime();
        if (what == null || !Objects.equals(what, seen)) {
            seen = what;
            since = now;
        }
        return Duration.ofNanos(now - since);
    }
}
