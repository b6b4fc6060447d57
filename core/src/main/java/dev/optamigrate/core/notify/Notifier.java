package dev.optamigrate.core.notify;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.ErrorCodes;
import dev.optamigrate.core.event.Blocker;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells the people on standby a run's story, from its events: started (when something is pending), waiting for
 * the lock longer than a threshold, lock contention, a slow migration, finished, failed (with the error and its
 * hint) or refused. Each notification carries who runs it, where, the release and the person on standby.
 */
public final class Notifier implements EventListener, AutoCloseable {
    private static final Set<String> REFUSALS = Set.of("UNSAFE_MIGRATION", "CONTRACT_NOT_READY", "OUTSIDE_WINDOW",
            "NOT_REHEARSED", "INVALID_MIGRATIONS");
    /** How long queued notifications may take to go out when the run ends. */
    private static final Duration LAST_CALL = Duration.ofSeconds(3);

    private final Delivery delivery;
    private final Map<String, Object> context = new LinkedHashMap<>();
    private final Duration lockWaitThreshold;
    private final Duration slowMigration;
    private boolean toldLockWait;

    /**
     * @param context  what every notification carries: release, operator, standby, an override's reason
     * @param warnings where a failed delivery is told
     */
    public Notifier(List<NotifySink> sinks, Map<String, Object> context, Duration lockWaitThreshold,
            Duration slowMigration, EventListener warnings) {
        this.delivery = new Delivery(sinks, warnings);
        context.forEach((key, value) -> {
            if (value != null) {
                this.context.put(key, value);
            }
        });
        this.lockWaitThreshold = lockWaitThreshold;
        this.slowMigration = slowMigration;
    }

    @Override
    public void on(MigrationEvent event) {
        if (event instanceof MigrationEvent.RunStarted started) {
            context.put("action", started.action());
            context.put("tool", started.tool());
            context.put("target", started.target());
            context.put("strategy", started.strategy());
            context.put("location", started.location());
        } else if (event instanceof MigrationEvent.StatusRead status && undoing()) {
            send("run-started", who() + " started undo on " + context.get("target") + ", at version "
                    + Optional.ofNullable(status.current()).orElse("(empty)") + also(),
                    Map.of("fromVersion", String.valueOf(status.current())));
        } else if (event instanceof MigrationEvent.StatusRead status && status.pending() > 0) {
            send("run-started", who() + " started " + context.get("action") + " of " + status.pending()
                    + " migration(s) on " + context.get("target") + ", from version "
                    + Optional.ofNullable(status.current()).orElse("(empty)") + also(),
                    Map.of("fromVersion", String.valueOf(status.current()), "pending", status.pending()));
        } else if (event instanceof MigrationEvent.LockWaiting waiting && !toldLockWait
                && waiting.waited().compareTo(lockWaitThreshold) >= 0) {
            toldLockWait = true;
            send("lock-waiting", "Waiting " + Durations.format(waiting.waited()) + " for the migration lock on "
                    + context.get("target") + ", held by " + waiting.holder() + also(),
                    Map.of("holder", waiting.holder(), "waitedMs", waiting.waited().toMillis()));
        } else if (event instanceof MigrationEvent.LockContention contention) {
            send("lock-contention", "A migration on " + context.get("target") + " gave up waiting for a table lock "
                    + "(attempt " + contention.attempt() + "), blocked by " + contention.blockers().stream()
                            .map(blocker -> "pid " + blocker.pid() + " (" + blocker.application() + ")")
                            .collect(Collectors.joining(", ")) + also(),
                    Map.of("attempt", contention.attempt(), "blockers", contention.blockers().stream()
                            .map(Blocker::pid).toList()));
        } else if (event instanceof MigrationEvent.MigrationFinished finished
                && finished.duration().compareTo(slowMigration) >= 0) {
            send("migration-slow", "Migration " + finished.script() + " took " + Durations.format(finished.duration())
                    + " on " + context.get("target") + also(), Map.of("script", finished.script(), "durationMs",
                            finished.duration().toMillis()));
        } else if (event instanceof MigrationEvent.RunFinished finished && finished.applied() > 0) {
            send("run-finished", (undoing() ? "Reverted " : "Applied ") + finished.applied() + " migration(s) on "
                    + context.get("target") + ", " + Optional.ofNullable(finished.from()).orElse("(empty)") + " -> "
                    + finished.to() + ", in " + Durations.format(finished.duration()) + also(),
                    Map.of("applied", finished.applied(), "toVersion", String.valueOf(finished.to()), "durationMs",
                            finished.duration().toMillis()));
        } else if (event instanceof MigrationEvent.RunFailed failed) {
            boolean refused = REFUSALS.contains(failed.errorCode());
            String hint = ErrorCodes.all().stream().filter(code -> code.name().equals(failed.errorCode()))
                    .map(ErrorCode::hint).findFirst().orElse("");
            send(refused ? "run-refused" : "run-failed", (refused ? "Refused " : "Failed ") + context.get("action")
                    + " on " + context.get("target") + " (" + failed.errorCode() + "): " + failed.message()
                    + also(), Map.of("errorCode", failed.errorCode(), "error", failed.message(), "hint", hint));
        }
    }

    /** Gives the queued notifications a few seconds to go out; call when the run is over. */
    @Override
    public void close() {
        delivery.flush(LAST_CALL);
    }

    private boolean undoing() {
        return "undo".equals(context.get("action"));
    }

    private String who() {
        return String.valueOf(context.getOrDefault("operator", "Somebody"));
    }

    /** The release, the person on standby and the overrides, as the end of a sentence. */
    private String also() {
        StringBuilder text = new StringBuilder();
        Optional.ofNullable(context.get("environment")).ifPresent(name -> text.append("; environment ").append(name));
        Optional.ofNullable(context.get("release")).ifPresent(release -> text.append("; release ").append(release));
        Optional.ofNullable(context.get("standby")).ifPresent(standby -> text.append("; on standby: ")
                .append(standby));
        Optional.ofNullable(context.get("outsideWindow")).ifPresent(reason -> text
                .append("; outside the maintenance windows: ").append(reason));
        Optional.ofNullable(context.get("skipRehearsal")).ifPresent(reason -> text
                .append("; without proof of a rehearsal: ").append(reason));
        return text.append('.').toString();
    }

    private void send(String type, String text, Map<String, Object> fields) {
        Map<String, Object> all = new LinkedHashMap<>(context);
        all.putAll(fields);
        delivery.send(new Notification(type, text, all, Instant.now()));
    }
}
