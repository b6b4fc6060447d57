package dev.optamigrate.core.event;

import dev.optamigrate.core.settings.Durations;
import java.util.stream.Collectors;

/** The lock guard's events for people: who blocks the migration, and when it runs again. */
final class LockGuardLines {
    private static final String INDENT = System.lineSeparator() + "    ";

    private LockGuardLines() {
    }

    static String contention(MigrationEvent.LockContention contention) {
        String what = contention.timedOut() ? "gave up waiting for a table lock (lock-timeout)"
                : "is waiting for a table lock";
        String who = contention.blockers().isEmpty() ? " (the blocker was gone before it could be seen)."
                : ", held by:" + contention.blockers().stream().map(Blocker::describe)
                        .collect(Collectors.joining(INDENT, INDENT, ""));
        return "Lock guard: attempt " + contention.attempt() + " " + what + who;
    }

    static String retry(MigrationEvent.LockRetry retry) {
        return "Lock guard: running the migration again in " + Durations.format(retry.pause()) + " (attempt "
                + retry.attempt() + " of " + retry.of() + ").";
    }
}
