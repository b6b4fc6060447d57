package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.ExternalOptions;
import dev.optamigrate.cli.options.JobOptions;
import dev.optamigrate.cli.options.KubernetesOptions;
import dev.optamigrate.cli.options.RunOptions;
import dev.optamigrate.cli.output.ConsoleConfirmation;
import dev.optamigrate.cli.output.DryRunView;
import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.ExecutionStrategyProvider;
import dev.optamigrate.core.spi.MigrationRequest;
import dev.optamigrate.core.strategy.ExecutionStrategies;
import dev.optamigrate.core.tool.MigrationTools;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Applies pending migrations through a strategy chosen by name. */
@Command(name = "migrate", description = {
    "Apply pending migrations under the migration lock, recording the run in the journal.",
    "",
    "Only one run migrates at a time, whatever the tool: others wait up to --lock-wait and say who holds the "
            + "lock. The run goes through the strategy chosen by --strategy (see `opta-migrate strategies`).",
    "",
    "Lock guard: a migration statement waits at most --lock-timeout (1s) for a table lock, so that the service's "
            + "queries never queue behind it for long; a migration that gives up is run again (--lock-retries, "
            + "with pauses from --lock-retry-pause), and the sessions that block it are named. When the retries run "
            + "out it exits with LOCK_CONTENTION. --lock-timeout 0 turns the guard off.",
    "",
    "Conduct: a target may require --standby NAME (standby: required) and maintenance windows (windows); outside "
            + "them the run exits with OUTSIDE_WINDOW unless --outside-window \"<reason>\". The notify setting tells "
            + "the people watching through Slack, webhooks or CloudEvents.",
    "",
    "Contract gate: a pending migration that removes or renames what an older release may use (a contract) runs "
            + "only when an earlier release retired it (-- opta-migrate:retire table[.column]), no server runs a "
            + "release from before that retirement, and no run since failed or was rolled back. The releases "
            + "serving traffic come from the Deployment's pods (job, shell, external with --service) and from "
            + "--running-release. Otherwise it exits with CONTRACT_NOT_READY and applies nothing; --safety warn "
            + "only warns.",
    "",
    "Examples:",
    "%n  opta-migrate migrate --embedded --location examples/flyway",
    "%n  OPTA_MIGRATE_PASSWORD=... opta-migrate migrate --url jdbc:postgresql://db:5432/app --user app",
    "%n  opta-migrate migrate --location db/migration --output json --release v42",
    "%n  opta-migrate migrate --location db/changelog --dry-run",
    "%n  opta-migrate migrate --release app:1.9 --running-release app:1.8",
    "%n  opta-migrate migrate --strategy job --service my-service",
    "%n  opta-migrate migrate --strategy job --service my-service --detach -- ./do_migration.sh",
    "%n  opta-migrate migrate --strategy shell --service my-service",
    "%n  opta-migrate migrate --strategy external --service my-service --credentials-from-cluster --tunnel",
    "",
    "With --strategy job the migration runs in a one-time Kubernetes Job from the service's current image; with "
            + "--strategy shell it runs in a Ready pod of the service, after you confirm what runs where (--yes "
            + "in scripts). For both, the Kubernetes options apply, and a command after -- replaces the default "
            + "`opta-migrate migrate`.",
    "",
    "With --strategy external it runs here against a remote database after a connection preflight, with TLS "
            + "required for remote hosts; --credentials-from-cluster reads the service's Secret, --tunnel goes "
            + "through a short-lived proxy pod. A target marked `protected: true` needs --yes.",
    ""})
public final class MigrateCommand extends DatabaseCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Option(names = "--strategy", paramLabel = "NAME", descriptionKey = "strategy")
    String strategy;

    @Mixin
    KubernetesOptions kubernetes;

    @Mixin
    JobOptions job;

    @Mixin
    ExternalOptions external;

    @Option(names = "--yes", description = "Confirm up front what the shell strategy or a protected target would "
            + "ask about (it is still shown). Without a terminal, such runs refuse unless --yes is given.")
    boolean yes;

    @Option(names = "--detach", description = "With a strategy that runs elsewhere (job): return once the run has "
            + "started, with its name; follow it with `opta-migrate job status NAME --wait`.")
    boolean detach;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "After --: the command a strategy that runs "
            + "in the cluster (job, shell) runs instead of `opta-migrate migrate`.")
    List<String> command = new ArrayList<>();

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
        Map<Setting, String> extra = new HashMap<>();
        extra.put(CoreSetting.STRATEGY, strategy);
        kubernetes.addTo(extra);
        job.addTo(extra);
        external.addTo(extra);
        Settings settings = options.settings(environment, run, extra);
        ExecutionStrategyProvider provider = strategies.byName(settings.require(CoreSetting.STRATEGY));
        EventListener printer = eventPrinter();
        try (RunObservers observers = !dryRun && provider.runsHere()
                ? RunObservers.start(settings, printer, environment.variables()) : RunObservers.none()) {
            return execute(settings, provider, printer, observers);
        }
    }

    /** @param observers who watch a run here as it goes: the notifier, the telemetry */
    private int execute(Settings settings, ExecutionStrategyProvider provider, EventListener printer,
            RunObservers observers) {
        if (!provider.runsHere() && !dryRun) {
            if (options.target.embedded()) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION,
                        "--embedded starts a local database for the local "
                        + "strategy, and " + provider.name() + " finds its own target.", "Drop --embedded, or drop "
                        + "--strategy.", null);
            }
            var configuration = MigratorConfiguration.from(settings).addListener(printer).tools(tools)
                    .confirmation(new ConsoleConfirmation(notices(), environment.terminal(), yes));
            provider.create().execute(new MigrationRequest(configuration.readOnly(), provider.name(), settings, command,
                    detach));
            return 0;
        }
        if (detach || !command.isEmpty()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, (detach ? "--detach" : "A command after --")
                    + " needs a strategy that runs elsewhere, and " + provider.name() + " runs here.",
                    "Use --strategy job" + (detach ? "" : " or shell") + ", or drop " + (detach ? "--detach."
                            : "the command."), null);
        }
        try (OpenDatabase database = openDatabase(settings)) {
            if (dryRun) {
                DryRunView.print(database.configuration().load().pending(), options.output.json(), out());
                return 0;
            }
            var configuration = observers.watching(database.configuration().addListener(printer));
            provider.create().execute(new MigrationRequest(configuration.readOnly(), provider.name(), settings,
                    List.of(),
                    false));
        }
        return 0;
    }
}
