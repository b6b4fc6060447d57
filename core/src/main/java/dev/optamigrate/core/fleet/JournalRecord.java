package dev.optamigrate.core.fleet;

/**
 * A member's last journal row for a fleet run.
 *
 * @param state     what the row's status means for the fleet
 * @param toVersion the version the run reached, or {@code null}
 * @param error     the run's error, or {@code null}
 */
record JournalRecord(TargetState state, String toVersion, String error) {
}
