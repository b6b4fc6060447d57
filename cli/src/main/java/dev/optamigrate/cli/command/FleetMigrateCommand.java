package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.FleetOptions;
import dev.optamigrate.cli.options.JobOptions;
import dev.optamigrate.cli.options.KubernetesOptions;
import dev.optamigrate.cli.output.FleetView;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.fleet.FleetReport;
import dev.optamigrate.core.fleet.FleetRun;
import dev.optamigrate.core.fleet.FleetTarget;
import dev.optamigrate.core.fleet.Rollout;
import dev.optamigrate.core.fleet.Shard;
import dev.optamigrate.core.fleet.TargetState;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.tool.MigrationTools;
import dev.optamigrate.strategy.job.fleet.IndexedJob;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Migrates every target of a fleet: the canary, then waves, with an error budget, resumable. */
@Command(name = "migrate", description = {
    "Migrate every target of the fleet in this process: the canary first, then the waves, at most --per-server "
            + "targets of one server at once. Each target runs as `migrate` does: its own advisory lock, journal "
            + "row, safety check, lock guard and contract gate. A target that fails is parked with its reason; once "
            + "more than --max-failures targets failed, no other target starts. Every journal row carries the fleet "
            + "run's id, so --resume <id> goes on where a run stopped (after a crash too): it skips what is applied "
            + "and what is parked (unless --retry-parked), and runs the rest.",
    "",
    "A schema target's tool history is in the schema, which is the connection's search_path; it is created when "
            + "missing, as Flyway's `schemas` does. Its journal rows are in opta_migrate.opta_migrate_journal with "
            + "the schema as their scope.",
    "",
    "Examples:",
    "%n  opta-migrate fleet migrate --url jdbc:postgresql://db:5432/app --location db/migration --targets tenants.txt",
    "%n  opta-migrate fleet migrate --url ... --targets-query \"select schema_name from tenants\" --canary 5 "
            + "--max-failures 2",
    "%n  opta-migrate fleet migrate --url ... --targets tenants.txt --resume fleet-20261202-134501-9f3a0c11",
    "",
    "With --strategy job the fleet runs in one Kubernetes Indexed Job of --service (completionMode Indexed, "
            + "--shards completions, --parallelism at a time), from the service's current image, with the database "
            + "credentials referenced from its Secret. Each pod runs `fleet migrate --shard $(JOB_COMPLETION_INDEX)/N` "
            + "on the targets whose name hashes to its index, with the canary, waves and error budget of its own "
            + "shard. This command follows the Job, then reports each shard and, when it reaches the database, each "
            + "target from the journals.",
    "%n  opta-migrate fleet migrate --strategy job --service app --targets tenants.txt --shards 8 --parallelism 4",
    "",
    "Exits 0 when every target is applied; MIGRATION_FAILED (1) when a target is parked or the run halted, and "
            + "LOCK_TIMEOUT (5) when only targets whose lock another run held are left. JSON (--output json): "
            + "{\"fleet\", \"halted\", \"counts\": {\"applied\", \"parked\", \"locked\", \"pending\"}, \"targets\": "
            + "[{\"name\", \"state\", \"from\", \"to\", \"applied\", \"elapsedMs\", \"reason\"}]}; progress goes to "
            + "standard error.",
    ""})
public final class FleetMigrateCommand extends DatabaseCommand implements Callable<Integer> {
    private static final String LOCAL = "local";
    private static final String JOB = "job";

    @Mixin
    FleetOptions fleet;

    @Option(names = "--canary", paramLabel = "N|NAMES", defaultValue = "1", description = "The targets that run "
            + "first, alone: a number (the first N of the list) or names separated by commas. Default: "
            + "${DEFAULT-VALUE}.")
    String canary;

    @Option(names = "--wave-size", paramLabel = "N", defaultValue = "0", description = "How many targets one wave "
            + "holds after the canary; 0 for all the rest in one wave. Default: ${DEFAULT-VALUE}.")
    int waveSize;

    @Option(names = "--max-failures", paramLabel = "N", defaultValue = "0", description = "The error budget: once "
            + "more targets than this failed, no other target starts. Default: ${DEFAULT-VALUE}.")
    int maxFailures;

    @Option(names = "--resume", paramLabel = "ID", description = "Go on with this fleet run: the targets' journals "
            + "say what it applied and parked.")
    String resume;

    @Option(names = "--retry-parked", description = "With --resume: run the parked targets again too.")
    boolean retryParked;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = LOCAL, description = "Where the fleet runs: "
            + "local (in this process) or job (one Indexed Job of --service). Default: ${DEFAULT-VALUE}.")
    String strategy;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "4", description = "With --strategy job: how many "
            + "pods the Job's completions cut the fleet into. Default: ${DEFAULT-VALUE}.")
    int shards;

    @Option(names = "--parallelism", paramLabel = "N", description = "With --strategy job: how many shards run at "
            + "once. Default: all of them.")
    Integer parallelism;

    @Option(names = "--shard", paramLabel = "INDEX/COUNT", description = "Migrate only the targets of this shard: "
            + "those whose name hashes to INDEX. The Job's pods run with --shard $(JOB_COMPLETION_INDEX)/N; with "
            + "--shard, --resume joins the fleet run whether or not another shard started it.")
    String shard;

    @Option(names = "--detach", description = "With --strategy job: return once the Job exists, with its name.")
    boolean detach;

    @Mixin
    KubernetesOptions kubernetes;

    @Mixin
    JobOptions job;

    @Inject
    FleetMigrateCommand(CliEnvironment environment, MigrationTools tools) {
        super(environment, tools);
    }

    @Override
    public Integer call() {
        if (retryParked && resume == null) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--retry-parked retries a fleet run's parked "
                    + "targets, and no --resume names the run.", "Add --resume <id>.", null);
        }
        Map<Setting, String> extra = new HashMap<>();
        kubernetes.addTo(extra);
        job.addTo(extra);
        Settings settings = options.settings(environment, null, extra);
        Rollout rollout = rollout();
        String id = resume != null ? resume : FleetRun.newId();
        if (JOB.equals(strategy)) {
            return new FleetJobLaunch(this, settings, id).run(shardArguments(id));
        }
        requireLocal();
        Optional<Shard> part = Optional.ofNullable(shard).map(Shard::parse);
        FleetReport report;
        try (OpenDatabase database = openDatabase(settings)) {
            List<FleetTarget> all = fleet.targets(database.target().orElseThrow(), environment.workingDir(),
                    environment.variables());
            List<FleetTarget> targets = part.map(one -> one.select(all)).orElse(all);
            Rollout ours = part.isPresent() ? rollout.forShard(all, targets) : rollout;
            FleetView view = new FleetView(notices());
            view.started(id, targets, ours, resume != null);
            report = new FleetRun(id, targets, ours, target -> database.configurationFor(target).fleet(id).load(),
                    view).run(resume == null ? FleetRun.Start.NEW : part.isPresent() ? FleetRun.Start.JOIN
                            : FleetRun.Start.RESUME, retryParked);
        }
        return finish(report);
    }

    /** Prints the fleet run's outcome and gives its exit code. */
    int finish(FleetReport report) {
        if (options.output.json()) {
            out().println(FleetView.json(report));
        } else {
            FleetView.summary(report, out());
        }
        out().flush();
        return exitCode(report);
    }

    private void requireLocal() {
        if (!LOCAL.equals(strategy)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "There is no fleet strategy \"" + strategy + "\".",
                    "Give --strategy local (this process) or --strategy job (an Indexed Job).", null);
        }
        if (detach) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--detach returns once a Job exists, and the "
                    + "fleet runs in this process.", "Add --strategy job, or drop --detach.", null);
        }
    }

    /** What each pod of the Indexed Job runs after {@code opta-migrate fleet migrate}, but the target list. */
    private List<String> shardArguments(String id) {
        if (shard != null) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--shard runs one shard here, and --strategy job "
                    + "runs every shard in its own pod.", "Drop --shard: the Job gives each pod its shard.", null);
        }
        if (shards < 1 || parallelism != null && parallelism < 1) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The Job needs at least one shard and one pod at "
                    + "a time; --shards is " + shards + (parallelism == null ? "" : " and --parallelism "
                            + parallelism) + ".", "Give --shards 1 or more, and --parallelism 1 or more.", null);
        }
        List<String> arguments = new ArrayList<>(List.of("--canary", canary, "--wave-size", String.valueOf(waveSize),
                "--max-failures", String.valueOf(maxFailures), "--resume", id));
        if (retryParked) {
            arguments.add("--retry-parked");
        }
        arguments.addAll(List.of("--shard", "$(" + IndexedJob.INDEX_VARIABLE + ")/" + shards));
        return arguments;
    }

    private Rollout rollout() {
        boolean count = canary.strip().chars().allMatch(Character::isDigit) && !canary.isBlank();
        return new Rollout(count ? Integer.parseInt(canary.strip()) : 0, count ? List.of()
                : Arrays.stream(canary.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList(),
                waveSize, maxFailures, fleet.perServer());
    }

    /** The exit code of a fleet run; with a hint when it is not complete. */
    int exitCode(FleetReport report) {
        if (report.complete()) {
            return 0;
        }
        CoreErrorCode code = report.count(TargetState.PARKED) > 0 || report.halted().isPresent()
                ? CoreErrorCode.MIGRATION_FAILED : CoreErrorCode.LOCK_TIMEOUT;
        spec.commandLine().getErr().println("hint: fix what the parked targets name, then run again with --resume "
                + report.id() + (report.count(TargetState.PARKED) > 0 ? " --retry-parked" : "") + ".");
        return code.exitCode();
    }
}
