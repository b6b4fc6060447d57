package dev.optamigrate.cli.command;

import dev.optamigrate.cli.output.ConsoleEventPrinter;
import dev.optamigrate.cli.output.FleetJobView;
import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.fleet.FleetReport;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.MigrationRequest;
import dev.optamigrate.core.target.TargetResolver;
import dev.optamigrate.kubernetes.KubernetesSetting;
import dev.optamigrate.strategy.job.WatchTiming;
import dev.optamigrate.strategy.job.fleet.FleetJob;
import dev.optamigrate.strategy.job.fleet.FleetJobPlan;
import dev.optamigrate.strategy.job.fleet.FleetJobResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fleet migrate --strategy job}: one Indexed Job whose pods each run {@code fleet migrate --shard}, followed
 * until it ends; then each shard, and each target as the journals record it when this machine reaches them.
 */
final class FleetJobLaunch {
    /** The variable that hands a --targets file's members to the pods. */
    static final String TARGETS_VARIABLE = "OPTA_MIGRATE_FLEET_TARGETS";

    private final FleetMigrateCommand command;
    private final Settings settings;
    private final String id;

    FleetJobLaunch(FleetMigrateCommand command, Settings settings, String id) {
        this.command = command;
        this.settings = settings;
        this.id = id;
    }

    /** @param shardArguments the rollout and shard options each pod runs with */
    int run(List<String> shardArguments) {
        if (command.options.target.embedded()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--embedded starts a local database, and the "
                    + "fleet's pods find theirs in the service's Secret.", "Drop --embedded.", null);
        }
        Map<String, String> carried = new LinkedHashMap<>();
        List<String> podCommand = new ArrayList<>(List.of("opta-migrate", "fleet", "migrate"));
        podCommand.addAll(command.fleet.forShards(command.environment.workingDir(),
                command.environment.variables(), TARGETS_VARIABLE, carried));
        podCommand.addAll(shardArguments);
        PrintWriter notices = command.notices();
        notices.println("Fleet run " + id + ": " + command.shards + " shard(s) in one Indexed Job. Resume it with "
                + "--resume " + id + ".");
        notices.flush();
        MigratorConfiguration configuration = MigratorConfiguration.from(settings)
                .addListener(new ConsoleEventPrinter(notices)).tools(command.tools);
        FleetJobResult job = FleetJob.run(new MigrationRequest(configuration.readOnly(), "job", settings, podCommand,
                command.detach), new FleetJobPlan(id, carried, command.shards, Optional.ofNullable(
                        command.parallelism).orElse(command.shards)),
                WatchTiming.standard(settings.duration(KubernetesSetting.JOB_START_TIMEOUT)));
        if (command.detach) {
            command.out().println("Detached: Job " + job.job() + " in namespace " + job.namespace() + " runs fleet "
                    + "run " + id + ". Follow it with `kubectl get job " + job.job() + " --namespace "
                    + job.namespace() + "`, and read the targets with `opta-migrate fleet status`.");
            command.out().flush();
            return 0;
        }
        Optional<FleetReport> report = journals();
        PrintWriter out = command.out();
        if (command.options.output.json()) {
            out.println(FleetJobView.json(id, job, report));
        } else {
            FleetJobView.print(job, report, out);
        }
        out.flush();
        return report.map(command::exitCode).orElse(job.succeeded() == job.shards().size() ? 0
                : CoreErrorCode.MIGRATION_FAILED.exitCode());
    }

    /**
     * The fleet run as the targets' journals record it, when a target is configured here; the Job has run by now,
     * so a target that cannot be read is said, not an error.
     */
    private Optional<FleetReport> journals() {
        if (!new TargetResolver(settings).configured()) {
            return Optional.empty();
        }
        try (OpenDatabase database = command.openDatabase(settings)) {
            return Optional.of(FleetReport.fromJournals(id, command.fleet.targets(database.target().orElseThrow(),
                    command.environment.workingDir(), command.environment.variables())));
        } catch (MigrateException unread) {
            command.notices().println("warning: the targets' journals could not be read here: "
                    + unread.getMessage());
            return Optional.empty();
        }
    }
}
