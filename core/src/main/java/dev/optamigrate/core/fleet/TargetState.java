package dev.optamigrate.core.fleet;

import java.util.Locale;

/** Where a member of a fleet run stands, as its journal rows for that run say. */
public enum TargetState {
    /** No run of this fleet run has reached it yet. */
    PENDING,
    /** A run of this fleet run holds its lock now, or died holding it (the next run marks that row ABANDONED). */
    LOCKED,
    /** Migrated by this fleet run. */
    APPLIED,
    /** Its run failed or was refused: set aside, with the reason, and not retried unless asked. */
    PARKED;

    /** The journal status of a fleet run's last row for a target. */
    static TargetState fromJournal(String status) {
        return switch (status) {
            case "SUCCEEDED" -> APPLIED;
            case "RUNNING" -> LOCKED;
            default -> PARKED;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
