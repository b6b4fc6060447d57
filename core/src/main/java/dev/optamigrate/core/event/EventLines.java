package dev.optamigrate.core.event;

import dev.optamigrate.core.settings.Durations;
import java.time.Duration;

/**
 * A run's events in words for people, one line each (the lock guard's may take more): what the command line prints
 * and what an application logs. One instance follows one run, since a line may depend on the run's action.
 */
public final class EventLines {
    private static final Duration NOTEWORTHY_WAIT = Duration.ofSeconds(1);

    private boolean undo;

    /** The line for an event, or {@code null} for an event people need not see. */
    public String lineFor(MigrationEvent event) {
        if (event instanceof MigrationEvent.RunStarted started) {
            undo = started.action().equals("undo");
            return (undo ? "Undoing on " : "Migrating ") + started.target() + " with " + started.tool() + " from "
                    + started.location() + " (strategy " + started.strategy() + ")";
        }
        if (event instanceof MigrationEvent.LockWaiting waiting) {
            return "Waiting for the migration lock (" + Durations.format(waiting.waited()) + " of "
                    + Durations.format(waiting.limit()) + "): held by " + waiting.holder();
        }
        if (event instanceof MigrationEvent.LockAcquired acquired) {
            return acquired.waited().compareTo(NOTEWORTHY_WAIT) < 0 ? null
                    : "Lock acquired after " + Durations.format(acquired.waited()) + ".";
        }
        if (event instanceof MigrationEvent.StatusRead status) {
            return (status.current() == null ? "Schema is empty" : "Schema is at version " + status.current())
                    + "; " + status.pending() + " pending.";
        }
        if (event instanceof MigrationEvent.MigrationStarted started) {
            return (undo ? "  reverting " : "  applying ") + label(started.version(), started.description()) + " ...";
        }
        if (event instanceof MigrationEvent.MigrationFinished finished) {
            return (undo ? "  reverted " : "  applied  ") + label(finished.version(), finished.description()) + " in "
                    + Durations.format(finished.duration());
        }
        if (event instanceof MigrationEvent.MigrationFailed failed) {
            return "  FAILED   " + label(failed.version(), failed.description()) + " after "
                    + Durations.format(failed.duration());
        }
        if (event instanceof MigrationEvent.SafetyFinding finding) {
            return "Safety " + finding.severity() + " " + finding.rule() + " at " + finding.file() + ":"
                    + finding.line() + ": " + finding.message() + System.lineSeparator() + "  fix: " + finding.fix();
        }
        if (event instanceof MigrationEvent.SafetyChecked checked) {
            return "Safety check of " + checked.migrations() + " pending migration" + (checked.migrations() == 1 ? ""
                    : "s") + " for PostgreSQL " + checked.pgVersion() + ": " + (checked.findings() == 0 ? "no findings."
                            : checked.findings() + " finding" + (checked.findings() == 1 ? "" : "s") + " (above).");
        }
        if (event instanceof MigrationEvent.LockContention contention) {
            return LockGuardLines.contention(contention);
        }
        if (event instanceof MigrationEvent.LockRetry retry) {
            return LockGuardLines.retry(retry);
        }
        if (event instanceof MigrationEvent.Warning warning) {
            return "WARNING: " + warning.message();
        }
        if (event instanceof MigrationEvent.Progress progress) {
            return progress.message();
        }
        if (event instanceof MigrationEvent.RemoteOutput output) {
            return "[" + output.source() + "] " + output.line();
        }
        if (event instanceof MigrationEvent.RunFailed failed && failed.errorCode().equals("INTERRUPTED")) {
            return failed.message();
        }
        if (event instanceof MigrationEvent.RunFinished finished && undo) {
            return "Reverted " + finished.applied() + " migration" + (finished.applied() == 1 ? "" : "s")
                    + "; the schema is now at " + (finished.to() == null ? "no version (empty)" : "version "
                            + finished.to()) + ".";
        }
        if (event instanceof MigrationEvent.RunFinished finished) {
            return finished.applied() == 0 ? "Schema is up to date at version " + finished.to() + "."
                    : "Migrated from " + (finished.from() == null ? "empty" : "version " + finished.from())
                            + " to version " + finished.to() + ": " + finished.applied() + " migration"
                            + (finished.applied() == 1 ? "" : "s") + " in " + Durations.format(finished.duration())
                            + ".";
        }
        return null;
    }

    private static String label(String version, String description) {
        return (version == null ? "repeatable" : version) + " " + description;
    }
}
