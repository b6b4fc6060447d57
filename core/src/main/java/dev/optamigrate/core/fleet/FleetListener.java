package dev.optamigrate.core.fleet;

/**
 * What a fleet run tells as it goes: one call per phase, per member finished, and at a halt. Called from many
 * threads.
 */
public interface FleetListener {
    FleetListener NONE = new FleetListener() {
    };

    /** A phase starts: {@code toRun} of its members still need a run. */
    default void phaseStarted(Rollout.Phase phase, int toRun) {
    }

    /** A member's run ended; {@code finished} of {@code total} members have ended so far in this invocation. */
    default void targetFinished(TargetOutcome outcome, int finished, int total) {
    }

    /** The error budget is spent: no member starts after this. */
    default void halted(String reason) {
    }
}
