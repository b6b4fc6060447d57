package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.FleetOptions;
import dev.optamigrate.cli.output.FleetView;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.fleet.FleetReport;
import dev.optamigrate.core.fleet.FleetRun;
import dev.optamigrate.core.fleet.FleetTarget;
import dev.optamigrate.core.fleet.Rollout;
import dev.optamigrate.core.fleet.TargetState;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.tool.MigrationTools;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    "Exits 0 when every target is applied; MIGRATION_FAILED (1) when a target is parked or the run halted, and "
            + "LOCK_TIMEOUT (5) when only targets whose lock another run held are left. JSON (--output json): "
            + "{\"fleet\", \"halted\", \"counts\": {\"applied\", \"parked\", \"locked\", \"pending\"}, \"targets\": "
            + "[{\"name\", \"state\", \"from\", \"to\", \"applied\", \"elapsedMs\", \"reason\"}]}; progress goes to "
            + "standard error.",
    ""})
public final class FleetMigrateCommand extends DatabaseCommand implements Callable<Integer> {
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
        Settings settings = options.settings(environment, null, Map.of());
        Rollout rollout = rollout();
        String id = resume != null ? resume : FleetRun.newId();
        FleetReport report;
        try (OpenDatabase database = openDatabase(settings)) {
            List<FleetTarget> targets = fleet.targets(database.target().orElseThrow(), environment.workingDir());
            FleetView view = new FleetView(notices());
            view.started(id, targets, rollout, resume != null);
            report = new FleetRun(id, targets, rollout, target -> database.configurationFor(target).fleet(id).load(),
                    view).run(resume != null, retryParked);
        }
        if (options.output.json()) {
            out().println(FleetView.json(report));
        } else {
            FleetView.summary(report, out());
        }
        out().flush();
        return exitCode(report);
    }

    private Rollout rollout() {
        boolean count = canary.strip().chars().allMatch(Character::isDigit) && !canary.isBlank();
        return new Rollout(count ? Integer.parseInt(canary.strip()) : 0, count ? List.of()
                : Arrays.stream(canary.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList(),
                waveSize, maxFailures, fleet.perServer());
    }

    private int exitCode(FleetReport report) {
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
