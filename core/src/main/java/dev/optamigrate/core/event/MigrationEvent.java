package dev.optamigrate.core.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What happens during a run, as typed events. Sinks render them for people, for scripts, or for notifications. */
public sealed interface MigrationEvent {

    /** The event's name in JSON output, for example {@code migration-finished}. */
    String type();

    /**
     * A run began. {@code action} is {@code migrate} or {@code undo}; {@code target} is the redacted description
     * of the database.
     */
    record RunStarted(String action, String tool, String location, String target, String strategy)
            implements MigrationEvent {
        public String type() {
            return "run-started";
        }
    }

    /**
     * A migration statement waits for a table lock that other sessions hold (lock guard): sent when the wait is
     * first seen, every few seconds while it lasts, and when the statement gives up ({@code timedOut}).
     *
     * @param attempt  the migrate attempt, from 1
     * @param blockers the sessions that hold the lock
     * @param timedOut whether the statement gave up waiting (it is then retried, or the run fails)
     */
    record LockContention(int attempt, List<Blocker> blockers, boolean timedOut) implements MigrationEvent {
        public LockContention {
            blockers = List.copyOf(blockers);
        }

        public String type() {
            return "lock-contention";
        }
    }

    /**
     * A migration gave up waiting for a lock, and the lock guard runs migrate again after a pause.
     *
     * @param attempt the attempt about to start, from 2
     * @param of      the most attempts there will be
     */
    record LockRetry(int attempt, int of, Duration pause) implements MigrationEvent {
        public String type() {
            return "lock-retry";
        }
    }

    /** The lock is held by somebody else; sent when the wait starts and then at intervals. */
    record LockWaiting(String holder, Duration waited, Duration limit) implements MigrationEvent {
        public String type() {
            return "lock-waiting";
        }
    }

    record LockAcquired(Duration waited) implements MigrationEvent {
        public String type() {
            return "lock-acquired";
        }
    }

    /** The schema's state once the lock is held, before anything is applied. */
    record StatusRead(String current, int pending) implements MigrationEvent {
        public String type() {
            return "status";
        }
    }

    /** One migration starts (or, in an undo run, starts being reverted). */
    record MigrationStarted(String version, String description, String script) implements MigrationEvent {
        public String type() {
            return "migration-started";
        }
    }

    record MigrationFinished(String version, String description, String script, Duration duration)
            implements MigrationEvent {
        public String type() {
            return "migration-finished";
        }
    }

    record MigrationFailed(String version, String description, String script, Duration duration)
            implements MigrationEvent {
        public String type() {
            return "migration-failed";
        }
    }

    /**
     * The static check of the pending migrations found something (see {@code opta-migrate check}); sent before
     * anything is applied, when {@code safety} is not {@code off}.
     */
    record SafetyFinding(String rule, String severity, String file, int line, String statement, String message,
            String fix) implements MigrationEvent {
        public String type() {
            return "safety-finding";
        }
    }

    /**
     * The static check of the pending migrations ran: how many it read, for which PostgreSQL version, and how
     * many findings it reported (each also as a {@link SafetyFinding}).
     */
    record SafetyChecked(int migrations, int pgVersion, int findings) implements MigrationEvent {
        public String type() {
            return "safety-checked";
        }
    }

    /** Something the user should know that does not stop the run. */
    record Warning(String message) implements MigrationEvent {
        public String type() {
            return "warning";
        }
    }

    /** A long wait elsewhere (a Job, a pod, a rollout) goes on; the message says what is awaited. */
    record Progress(String message) implements MigrationEvent {
        public String type() {
            return "progress";
        }
    }

    /** One line of output of the command that runs elsewhere, for example a Job's pod. */
    record RemoteOutput(String source, String line) implements MigrationEvent {
        public String type() {
            return "remote-output";
        }
    }

    record RunFinished(String from, String to, int applied, Duration duration, Instant finishedAt)
            implements MigrationEvent {
        public String type() {
            return "run-finished";
        }
    }

    record RunFailed(String message, String errorCode, Duration duration) implements MigrationEvent {
        public String type() {
            return "run-failed";
        }
    }
}
