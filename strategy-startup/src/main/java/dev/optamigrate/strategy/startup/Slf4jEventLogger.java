package dev.optamigrate.strategy.startup;

import dev.optamigrate.core.event.EventLines;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a run's events through SLF4J, in the words the command line prints, for applications that migrate at
 * startup: a replica waiting on another's lock logs who holds it and for how long it has waited.
 */
final class Slf4jEventLogger implements EventListener {
    private static final Logger LOG = LoggerFactory.getLogger("dev.optamigrate");

    private final EventLines lines = new EventLines();

    @Override
    public synchronized void on(MigrationEvent event) {
        if (event instanceof MigrationEvent.RunFailed failed) {
            LOG.error("Migration failed: {}", failed.message());
            return;
        }
        if (event instanceof MigrationEvent.Warning warning) {
            LOG.warn(warning.message());
            return;
        }
        String line = lines.lineFor(event);
        if (line == null) {
            return;
        }
        if (event instanceof MigrationEvent.LockContention) {
            LOG.warn(line);
        } else {
            LOG.info(line);
        }
    }
}
