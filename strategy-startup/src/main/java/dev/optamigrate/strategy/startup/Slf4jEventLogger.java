package dev.optamigrate.strategy.startup;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a run's events through SLF4J, for applications that migrate at startup. */
final class Slf4jEventLogger implements EventListener {
    private static final Logger LOG = LoggerFactory.getLogger("dev.optamigrate");

    @Override
    public void on(MigrationEvent event) {
        if (event instanceof MigrationEvent.Warning warning) {
            LOG.warn(warning.message());
        } else if (event instanceof MigrationEvent.RunFailed failed) {
            LOG.error("Migration failed: {}", failed.message());
        } else {
            LOG.info("{}", event);
        }
    }
}
