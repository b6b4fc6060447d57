package dev.optamigrate.tool.flyway;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import java.time.Duration;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/** Turns Flyway's per-migration callbacks into opta-migrate events, with each migration's duration. */
final class FlywayEventCallback implements Callback {
    private final EventListener events;
    private long startedNanos;

    FlywayEventCallback(EventListener events) {
        this.events = events;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        MigrationInfo migration = context.getMigrationInfo();
        String version = FlywaySession.versionOf(migration);
        if (event == Event.BEFORE_EACH_MIGRATE) {
            startedNanos = System.nanoTime();
            events.on(new MigrationEvent.MigrationStarted(version, migration.getDescription(), migration.getScript()));
            return;
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - startedNanos);
        events.on(event == Event.AFTER_EACH_MIGRATE
                ? new MigrationEvent.MigrationFinished(version, migration.getDescription(), migration.getScript(),
                        duration)
                : new MigrationEvent.MigrationFailed(version, migration.getDescription(), migration.getScript(),
                        duration));
    }

    @Override
    public String getCallbackName() {
        return "opta-migrate-events";
    }
}
