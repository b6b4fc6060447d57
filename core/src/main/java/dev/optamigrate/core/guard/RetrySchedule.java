package dev.optamigrate.core.guard;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The pauses between attempts of a migration that gave up waiting for a lock: the first pause, doubled at each
 * retry up to {@link #LONGEST}, each drawn between half and all of that ("equal jitter"), so that replicas or
 * pipelines that hit the same blocker do not retry in step.
 */
public final class RetrySchedule {
    /** No pause is longer than this, however many retries. */
    public static final Duration LONGEST = Duration.ofSeconds(30);

    private final Duration first;
    private final DoubleSupplier random;

    /** @param random numbers in [0, 1) */
    public RetrySchedule(Duration first, DoubleSupplier random) {
        this.first = first;
        this.random = random;
    }

    /** The pause before retry {@code retry} (1 for the first retry). */
    public Duration pause(int retry) {
        long ceiling = first.toMillis();
        for (int i = 1; i < retry && ceiling < LONGEST.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, LONGEST.toMillis());
        return Duration.ofMillis(ceiling / 2 + Math.round(random.getAsDouble() * (ceiling - ceiling / 2)));
    }
}
