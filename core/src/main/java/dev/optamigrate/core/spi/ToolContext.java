package dev.optamigrate.core.spi;

import dev.optamigrate.core.event.EventListener;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What a tool session works with.
 *
 * @param dataSource connections to the target database; the tool opens and closes its own
 * @param location   the migration source: a directory, a {@code classpath:} location, or a changelog file
 * @param events     where the session reports each migration as it starts and finishes
 * @param options    the settings only some tools read
 */
public record ToolContext(DataSource dataSource, String location, EventListener events, ToolOptions options) {
    public ToolContext {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(options, "options");
    }
}
