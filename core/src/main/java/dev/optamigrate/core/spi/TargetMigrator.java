package dev.optamigrate.core.spi;

import java.util.List;

/** The engine, configured for one target, as far as strategies use it. */
public interface TargetMigrator {

    /** The tool's name, given or detected. */
    String tool();

    /** What migrate would apply, without a lock. */
    List<PendingMigration> pending();

    /** Applies what is pending under the migration lock, with a journal row. */
    MigrateResult migrate();
}
