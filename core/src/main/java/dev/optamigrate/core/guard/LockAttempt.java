package dev.optamigrate.core.guard;

import dev.optamigrate.core.event.Blocker;
import java.util.List;

/**
 * One attempt that gave up waiting for a lock, as the journal's {@code attempts} column records it.
 *
 * @param attempt  the attempt, from 1
 * @param gaveUpAt when its statement gave up, in ISO-8601 (UTC)
 * @param error    the database's message
 * @param blockers the sessions seen blocking it
 */
public record LockAttempt(int attempt, String gaveUpAt, String error, List<Blocker> blockers) {
    public LockAttempt {
        blockers = List.copyOf(blockers);
    }
}
