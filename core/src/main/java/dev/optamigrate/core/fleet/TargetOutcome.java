package dev.optamigrate.core.fleet;

import java.time.Duration;

/**
 * What a fleet run did to, or found for, one member.
 *
 * @param name    the member's name in the list
 * @param state   where it stands
 * @param from    its version before this run, or {@code null}
 * @param to      its version after it, or {@code null}
 * @param applied how many migrations this invocation applied to it
 * @param took    how long its run took; zero for one this invocation did not run
 * @param reason  why it is parked or locked, or {@code null}
 */
public record TargetOutcome(String name, TargetState state, String from, String to, int applied, Duration took,
        String reason) {

    static TargetOutcome untouched(String name) {
        return new TargetOutcome(name, TargetState.PENDING, null, null, 0, Duration.ZERO, null);
    }

    /** The state an earlier invocation of the same fleet run left, from the journal. */
    static TargetOutcome earlier(String name, JournalRecord record) {
        return new TargetOutcome(name, record.state(), null, record.toVersion(), 0, Duration.ZERO, record.error());
    }
}
