package dev.optamigrate.core;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.AppliedMigration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a run has done so far, learned from its own events: the migrations finished (for the journal when a later
 * one fails), the one in flight (for a signal) and the one that failed (to say what a failure outside a
 * transaction leaves). The interrupt hook reads it from another thread.
 */
final class RunTracker implements EventListener {
    private final List<AppliedMigration> applied = new CopyOnWriteArrayList<>();
    private volatile String inFlight;
    private volatile String failed;

    @Override
    public void on(MigrationEvent event) {
        if (event instanceof MigrationEvent.MigrationStarted started) {
            inFlight = name(started.version(), started.script());
        } else if (event instanceof MigrationEvent.MigrationFinished done) {
            inFlight = null;
            applied.add(new AppliedMigration(done.version(), done.description(), done.script(), done.duration()));
        } else if (event instanceof MigrationEvent.MigrationFailed failure) {
            inFlight = null;
            failed = name(failure.version(), failure.script());
        }
    }

    List<AppliedMigration> applied() {
        return applied;
    }

    /** The migration started and not finished, or {@code null}. */
    String inFlight() {
        return inFlight;
    }

    /** The migration that failed, or {@code null}. */
    String failed() {
        return failed;
    }

    private static String name(String version, String script) {
        return version != null ? version : script;
    }
}
