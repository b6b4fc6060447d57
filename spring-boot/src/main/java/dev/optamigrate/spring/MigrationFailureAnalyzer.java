package dev.optamigrate.spring;

import dev.optamigrate.core.error.MigrateException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A failed migration (or a bad setting) stops the application with the engine's own message and what to do next,
 * instead of the nested bean-creation exceptions around it.
 */
public final class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrateException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrateException cause) {
        return new FailureAnalysis("opta-migrate could not migrate the database (" + cause.code().name() + "): "
                + cause.getMessage(), cause.hint(), cause);
    }
}
