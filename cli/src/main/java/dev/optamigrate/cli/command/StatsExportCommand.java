package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.Durations;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.stats.StatsSampler;
import dev.optamigrate.core.stats.StatsSnapshot;
import dev.optamigrate.core.tool.MigrationTools;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a target's statistics snapshot: sizes, row estimates and write rates, never a data value. */
@Command(name = "export", description = {
    "Read the target's table and index sizes, row estimates, write rates and sequential scans (the rates sampled "
            + "over --sample), and its PostgreSQL version, into a small JSON file that holds no data values. "
            + "Reads only; takes no lock.",
    "",
    "Examples:",
    "%n  opta-migrate stats export --url jdbc:postgresql://db:5432/app --file prod-stats.json",
    "%n  opta-migrate check db/migration --stats prod-stats.json",
    ""})
public final class StatsExportCommand extends DatabaseCommand implements Callable<Integer> {
    @Option(names = "--file", paramLabel = "FILE", defaultValue = "opta-migrate-stats.json", description = "Where "
            + "to write the snapshot. Default: ${DEFAULT-VALUE}.")
    Path file;

    @Option(names = "--sample", paramLabel = "DURATION", defaultValue = "10s", description = "How long to watch "
            + "the write counters for the rates. Default: ${DEFAULT-VALUE}.")
    String sample;

    @Inject
    StatsExportCommand(CliEnvironment environment, MigrationTools tools) {
        super(environment, tools);
    }

    @Override
    public Integer call() {
        Duration window = Durations.parse(sample, "--sample");
        if (window.isZero() || window.isNegative()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--sample must be longer than 0.",
                    "Give a few seconds, e.g. --sample 10s.", null);
        }
        Settings settings = options.settings(environment, null, Map.of());
        Path output = environment.workingDir().resolve(file);
        try (TargetSession session = TargetSession.configure(options.target, settings).start(environment,
                notices()); Connection connection = new Connections(session.target(),
                        Connections.applicationName()).open()) {
            notices().println("Sampling write rates on " + session.target().describe() + " for "
                    + Durations.format(window) + " ...");
            notices().flush();
            StatsSnapshot snapshot = StatsSampler.sample(connection, window);
            snapshot.write(output);
            notices().println("Wrote " + output + ": " + snapshot.tables().size() + " tables, "
                    + snapshot.indexes().size() + " indexes, PostgreSQL " + snapshot.serverVersion() + ".");
            notices().flush();
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Lost the connection while reading the "
                    + "statistics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException(CoreErrorCode.INTERRUPTED, "Interrupted while sampling.", e);
        }
        return 0;
    }
}
