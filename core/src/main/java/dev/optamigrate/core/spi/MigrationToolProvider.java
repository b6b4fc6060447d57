package dev.optamigrate.core.spi;

import java.nio.file.Path;
import java.util.Optional;

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

    /**
     * Whether a migration location looks like this tool's, for choosing the tool when none is named.
     *
     * @return a few words on what gave it away (e.g. {@code "scripts/ directory"}), or empty when it does not
     */
    default Optional<String> recognize(Path location) {
        return Optional.empty();
    }
}
