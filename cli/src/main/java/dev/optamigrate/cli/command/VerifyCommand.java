package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.FailOnOptions;
import dev.optamigrate.cli.output.ConsoleEventPrinter;
import dev.optamigrate.cli.output.RehearsalView;
import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.analysis.SafetyMode;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.rehearsal.Rehearsal;
import dev.optamigrate.core.rehearsal.RehearsalReport;
import dev.optamigrate.core.rehearsal.Shadow;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.stats.StatsSnapshot;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.tool.MigrationTools;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The rehearsal of the pending migrations on a shadow database. */
@Command(name = "verify", description = {
    "Rehearse the pending migrations on a shadow database and measure, statement by statement, the locks they "
            + "hold, the tables and indexes they rewrite, scan or build, and what that blocks.",
    "",
    "With a target (--url, Opta variables, --embedded) the shadow first replays the migrations the target has "
            + "applied, drift between the two is reported, and every rewrite, scan or index build gets an estimate "
            + "from the target's table sizes (read-only catalog queries) and rates calibrated on the shadow. "
            + "Without a target every migration is rehearsed, without estimates. The target is never changed.",
    "",
    "Where CI cannot reach the target, --stats FILE stands in for it: a snapshot from `stats export --location "
            + "...` says which migrations the target applied (those are replayed), gives the table sizes for the "
            + "estimates and the PostgreSQL version for the rules. Drift needs the live target.",
    "",
    "The shadow is a throw-away embedded PostgreSQL 17 (--shadow embedded, the default); a PostgreSQL container of "
            + "the target's major version on a Docker engine (--shadow docker: postgres:<major>, or --shadow-image); "
            + "whichever answers (--shadow auto: docker when an engine answers, else embedded); or with --shadow-url "
            + "a scratch database created on that server and dropped after (its password from "
            + "OPTA_MIGRATE_SHADOW_PASSWORD).",
    "",
    "Measured rules, besides those of `check`: measured-blocking-lock (error), schema-drift (warning), "
            + "rehearsal-failed (error).",
    "",
    "Examples:",
    "%n  opta-migrate verify --location db/migration",
    "%n  opta-migrate verify --url jdbc:postgresql://db:5432/shop --user shop --location db/migration",
    "%n  opta-migrate verify --url ... --shadow-url jdbc:postgresql://localhost:5432/postgres?user=postgres",
    "%n  opta-migrate verify --url ... --shadow docker --shadow-image registry.example.com/mirror/postgres:15",
    "%n  opta-migrate verify --location db/migration --stats prod-stats.json",
    "",
    "JSON (--output json): the fields of `check --output json` (findings with \"measured\": true for what was "
            + "measured), plus \"shadow\", \"replayed\", \"estimated\" and \"statements\": [{\"file\", \"line\", "
            + "\"statement\", \"elapsedMs\", \"locks\": [{\"relation\", \"mode\", \"blocks\", \"work\", "
            + "\"rewritten\", \"scanned\", \"indexBuilt\", \"estimate\": {\"bytes\", \"rows\", \"durationMs\"}}]}]. "
            + "Exits with UNSAFE_MIGRATION (see below) when a finding at or above --fail-on remains.",
    ""})
public final class VerifyCommand extends DatabaseCommand implements Callable<Integer> {
    @Mixin
    ShadowChoice shadowChoice;

    @Option(names = "--stats", paramLabel = "FILE", description = "A snapshot from `stats export --location ...` "
            + "in place of a target: what it applied is replayed, its sizes give the estimates.")
    Path stats;

    @Mixin
    FailOnOptions failOn;

    @Inject
    VerifyCommand(CliEnvironment environment, MigrationTools tools) {
        super(environment, tools);
    }

    @Override
    public Integer call() {
        Settings settings = options.settings(environment, null, Map.of());
        Function<OptionalInt, Shadow> shadows = shadowChoice.checked(environment, notices());
        StatsSnapshot snapshot = stats == null ? null : StatsSnapshot.read(environment.workingDir().resolve(stats));
        RehearsalReport report;
        try (OpenDatabase opened = OpenDatabase.open(options.target, settings, tools, environment, notices(), true)) {
            Rehearsal rehearsal = rehearsal(opened, snapshot);
            OptionalInt targetMajor = snapshot != null ? OptionalInt.of(snapshot.serverVersion())
                    : opened.target().stream().mapToInt(ShadowServers::majorVersion).findFirst();
            try (Shadow shadow = shadows.apply(targetMajor)) {
                report = rehearsal.run(shadow).accepting(settings.allowList());
            }
        }
        PrintWriter out = out();
        if (options.output.json()) {
            RehearsalView.printJson(report, failOn.threshold(), out);
        } else {
            RehearsalView.printText(report, failOn.threshold(), out);
        }
        out.flush();
        return failOn.exitCode(report.findings(), spec.commandLine().getErr(), !options.output.json());
    }

    /** The rehearsal against the target, the --stats snapshot standing in for it, or neither. */
    private Rehearsal rehearsal(OpenDatabase opened, StatsSnapshot snapshot) {
        Function<Target, Migrator> migrators = database -> opened.configurationFor(database).safety(SafetyMode.OFF)
                .load();
        ConsoleEventPrinter progress = new ConsoleEventPrinter(notices());
        if (snapshot == null) {
            return new Rehearsal(migrators, opened.target(), progress);
        }
        if (opened.target().isPresent()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--stats stands in for a target, and "
                    + opened.target().get().describe() + " was given too.", "Give one of them: the target when it "
                            + "can be reached, --stats where it cannot.", null);
        }
        return Rehearsal.fromStats(migrators, snapshot, stats.toString(), progress);
    }
}
