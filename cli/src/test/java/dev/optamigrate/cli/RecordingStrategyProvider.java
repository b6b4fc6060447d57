package dev.optamigrate.cli;

import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.ExecutionReport;
import dev.optamigrate.core.spi.ExecutionStrategy;
import dev.optamigrate.core.spi.ExecutionStrategyProvider;

/**
 * A custom strategy that exists only in test code and is registered only through
 * {@code META-INF/services}: it announces itself, then runs the engine in this process.
 */
public final class RecordingStrategyProvider implements ExecutionStrategyProvider {

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public String description() {
        return "Test strategy that announces itself, then migrates in-process.";
    }

    @Override
    public ExecutionStrategy create() {
        return request -> {
            request.configuration().listener().on(new MigrationEvent.Warning("recording strategy was chosen"));
            return new ExecutionReport(name(), "the test JVM",
                    request.migrateHere());
        };
    }
}
