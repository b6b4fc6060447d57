package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.RunOptions;
import dev.optamigrate.cli.output.DryRunView;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.ExecutionStrategyProvider;
import dev.optamigrate.core.spi.MigrationRequest;
import dev.optamigrate.core.strategy.ExecutionStrategies;
import dev.optamigrate.core.tool.MigrationTools;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Applies pending migrations through a strategy chosen by name. */
@Command(name = "migrate", description = {
    "Apply pending migrations under the migration lock, recording the run in the journal.",
    "",
    "Only one run migrates at a time, whatever the tool: others wait up to --lock-wait and say who holds the "
            + "lock. The run goes through the strategy chosen by --strategy (see `opta-migrate strategies`).",
    "",
    "Examples:",
    "%n  opta-migrate migrate --embedded --location examples/flyway",
    "%n  OPTA_MIGRATE_PASSWORD=... opta-migrate migrate --url jdbc:postgresql://db:5432/app --user app",
    "%n  opta-migrate migrate --location db/migration --output json --release v42",
    "%n  opta-migrate migrate --location db/changelog --dry-run",
    ""})
public final class MigrateCommand extends DatabaseCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Option(names = "--strategy", paramLabel = "NAME", descriptionKey = "strategy")
    String strategy;

    @Option(names = "--dry-run", description = "Print the pending SQL in order and change nothing (runs here, "
            + "reads only, takes no lock).")
    boolean dryRun;

    private final ExecutionStrategies strategies;

    @Inject
    MigrateCommand(CliEnvironment environment, MigrationTools tools, ExecutionStrategies strategies) {
        super(environment, tools);
        this.strategies = strategies;
    }

    @Override
    public Integer call() {
        Map<Setting, String> extra = new EnumMap<>(Setting.class);
        extra.put(Setting.STRATEGY, strategy);
        Settings settings = options.settings(environment, run, extra);
        ExecutionStrategyProvider provider = strategies.byName(settings.require(Setting.STRATEGY));
        try (TargetSession session = openTarget(settings)) {
            if (dryRun) {
                DryRunView.print(configuration(settings, session).load().pending(), options.output.json(), out());
                return 0;
            }
            var configuration = configuration(settings, session).listener(eventPrinter());
            provider.create().execute(new MigrationRequest(configuration, provider.name()));
        }
        return 0;
    }
}
