package dev.optamigrate.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.optamigrate.core.strategy.ExecutionStrategies;
import dev.optamigrate.core.tool.MigrationTools;

/** Guice wiring for the CLI: the environment, and the tools and strategies that ServiceLoader finds. */
final class CliModule extends AbstractModule {
    private final CliEnvironment environment;

    CliModule(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    protected void configure() {
        bind(CliEnvironment.class).toInstance(environment);
    }

    @Provides
    @Singleton
    MigrationTools tools() {
        return MigrationTools.discover(loader());
    }

    @Provides
    @Singleton
    ExecutionStrategies strategies() {
        return ExecutionStrategies.discover(loader());
    }

    private static ClassLoader loader() {
        return Thread.currentThread().getContextClassLoader();
    }
}
