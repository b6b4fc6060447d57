package dev.optamigrate.embedded;

import dev.optamigrate.core.spi.EmbeddedPostgresProvider;
import java.nio.file.Path;

/** ServiceLoader entry: zonky's embedded PostgreSQL. */
public final class ZonkyPostgresProvider implements EmbeddedPostgresProvider {
    @Override
    public EmbeddedServer start(Path directory) {
        return EmbeddedDatabase.start(directory);
    }

    @Override
    public EmbeddedServer startThrowaway() {
        return EmbeddedDatabase.startThrowaway();
    }
}
