package dev.optamigrate.core.spi;

/**
 * ServiceLoader entry for one migration tool. Register an implementation in
 * {@code META-INF/services/dev.optamigrate.core.spi.MigrationToolProvider}.
 */
public interface MigrationToolProvider {

    /** The name users choose the tool by, for example {@code flyway}. */
    String name();

    /** True when the tool's own classes are on the classpath, so {@link #create()} can succeed. */
    boolean isAvailable();

    MigrationTool create();
}
