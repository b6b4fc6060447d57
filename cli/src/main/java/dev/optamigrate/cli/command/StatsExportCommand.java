package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Durations;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.stats.StatsSampler;
import dev.optamigrate.core.stats.StatsSnapshot;
import dev.optamigrate.core.target.Target;
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
    "With --location (or --tool), the migrations the target's history lists are written too, so that "
            + "`verify --stats` can stand in for the target: it replays those and rehearses the rest.",
    "",
    "Examples:",
    "%n  opta-migrate stats export --url jdbc:postgresql://db:5432/app --file prod-stats.json",
    "%n  opta-migrate check db/migration --stats prod-stats.json",
    "%n  opta-migrate stats export --url ... --location db/migration --file prod-stats.json",
    "%n  opta-migrate verify --location db/migration --stats prod-stats.json",
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
        boolean withHistory = settings.given(CoreSetting.LOCATION) || settings.given(CoreSetting.TOOL);
        StatsSnapshot snapshot;
        if (withHistory) {
            try (OpenDatabase database = openDatabase(settings)) {
                snapshot = sample(database.target().orElseThrow(), window)
                        .withApplied(database.configuration().load().status().appliedKeys());
            }
        } else {
            try (TargetSession session = TargetSession.configure(options.target, settings).start(environment,
                    notices())) {
                snapshot = sample(session.target(), window);
            }
        }
        snapshot.write(output);
        notices().println("Wrote " + output + ": " + snapshot.tables().size() + " tables, "
                + snapshot.indexes().size() + " indexes, PostgreSQL " + snapshot.serverVersion()
                + (withHistory ? ", " + snapshot.applied().size() + " applied migrations" : "") + ".");
        notices().flush();
        return 0;
    }

    private StatsSnapshot sample(Target target, Duration window) {
        try (Connection connection = new Connections(target, Connections.applicationName()).open()) {
            notices().println("Sampling write rates on " + target.describe() + " for " + Durations.format(window)
                    + " ...");
            notices().flush();
            return StatsSampler.sample(connection, window);
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Lost the connection while reading the "
                    + "statistics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException(CoreErrorCode.INTERRUPTED, "Interrupted while sampling.", e);
        }
    }
}
