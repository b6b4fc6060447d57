package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.VersionInfo;
import dev.optamigrate.cli.options.CommonOptions;
import dev.optamigrate.cli.options.FailOnOptions;
import dev.optamigrate.cli.options.SourceOptions;
import dev.optamigrate.cli.options.TargetOptions;
import dev.optamigrate.cli.output.CheckReportView;
import dev.optamigrate.cli.output.GithubAnnotations;
import dev.optamigrate.cli.output.GitlabCodeQuality;
import dev.optamigrate.cli.output.SarifReport;
import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.StaticCheck;
import dev.optamigrate.core.stats.StatsGrading;
import dev.optamigrate.core.stats.StatsSnapshot;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.guard.LockGuard;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.settings.ToolOptionsReader;
import dev.optamigrate.core.target.TargetResolver;
import dev.optamigrate.core.tool.MigrationTools;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The static safety check of migrations. */
@Command(name = "check", description = {
    "Check migrations for statements that lock or rewrite tables, or break the running release, without running "
            + "them.",
    "",
    "With PATHs it reads those SQL files (directories: every .sql file in them) and needs no database. Without, "
            + "it reads what is pending on the target (--url, Opta variables, or --embedded for all of them) with "
            + "any tool, and checks it for the target's PostgreSQL version.",
    "",
    "Rules (README has a bad and a good example of each):",
    "%n  error    rewrite-column-default, rewrite-column-type, scan-set-not-null, fk-without-not-valid, "
            + "check-without-not-valid, index-not-concurrent, drop-index-not-concurrent, constraint-builds-index, "
            + "table-lock-maintenance, concurrent-in-transaction, unreadable-sql, invalid-suppression, invalid-marker",
    "%n  warning  breaking-drop-column, breaking-drop-table, breaking-rename-column, breaking-rename-table, "
            + "breaking-not-null-without-default, breaking-narrow-type, breaking-drop-not-null",
    "%n  info     lock-timeout-missing",
    "",
    "Accept a finding on purpose with a comment above its statement, or at its end:",
    "%n  -- opta-migrate:allow index-not-concurrent the table has 300 rows and no writers",
    "",
    "Each migration is an expand, or a contract when it removes or renames what an older release may use (the "
            + "breaking-* findings but not-null-without-default). Declare what the rules cannot see, and what the "
            + "code stopped using:",
    "%n  -- opta-migrate:phase contract orders.legacy_total",
    "%n  -- opta-migrate:retire orders.legacy_status",
    "",
    "Examples:",
    "%n  opta-migrate check db/migration",
    "%n  opta-migrate check db/migration/V42__orders_status.sql --pg-version 13",
    "%n  opta-migrate check db/migration --output sarif > check.sarif",
    "%n  opta-migrate check db/migration --rules style",
    "%n  opta-migrate check db/migration --stats prod-stats.json",
    "%n  opta-migrate check db/migration --changed-since origin/main --output github",
    "%n  opta-migrate check db/migration --output gitlab > gl-code-quality-report.json",
    "%n  opta-migrate check --url jdbc:postgresql://db:5432/app --location db/changelog --fail-on warning",
    "",
    "JSON (--output json): {\"pgVersion\", \"failOn\", \"failed\", \"findings\": [{\"rule\", \"severity\", "
            + "\"file\", \"line\", \"statement\", \"message\", \"fix\"}], \"suppressed\": [{... \"reason\"}], "
            + "\"phases\": [{\"file\", \"phase\", \"declared\", \"contracts\", \"retires\"}]}. "
            + "Exits with UNSAFE_MIGRATION (see below) when a finding at or above --fail-on remains.",
    ""})
public final class CheckCommand implements Callable<Integer> {
    /** The report formats. */
    enum Format { text, json, sarif, github, gitlab }

    /** The categories of rules that run only when asked for. */
    enum RuleCategory { style }

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "SQL files or directories to check; "
            + "without any, the target's pending migrations.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--pg-version", paramLabel = "MAJOR", description = "PostgreSQL major version to judge for, "
            + StaticCheck.OLDEST_PG_VERSION + " to " + StaticCheck.NEWEST_PG_VERSION + ", e.g. 16. Default: the "
            + "target's when connected, else " + StaticCheck.DEFAULT_PG_VERSION + ".")
    Integer pgVersion;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "Report format: "
            + "${COMPLETION-CANDIDATES} (sarif: for code scanning; github: workflow commands that annotate the pull "
            + "request; gitlab: a Code Quality report for the merge request). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--rules", paramLabel = "CATEGORY", description = "Also run an opt-in category of rules: "
            + "${COMPLETION-CANDIDATES} (prefer-bigint, prefer-timestamptz, prefer-text, prefer-identity, "
            + "ban-char).")
    RuleCategory rules;

    @Option(names = "--changed-since", paramLabel = "REF", description = "Judge only the migrations added or "
            + "changed since this Git ref (e.g. origin/main), reading the others as history already applied; a "
            + "migration that existed at REF and changed is an error of its own. Needs git on the PATH.")
    String changedSince;

    @Option(names = "--stats", paramLabel = "FILE", description = "Grade lock and rewrite findings by the size and "
            + "write traffic of their tables, from the snapshot `stats export` wrote; its PostgreSQL version is the "
            + "default for --pg-version.")
    Path stats;

    @Mixin
    FailOnOptions failOn;

    @Option(names = {"-v", "--verbose"}, description = "Show the tools' own log and stack traces of errors.")
    boolean verbose;

    @Mixin
    TargetOptions target;

    @Mixin
    SourceOptions source;

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;
    private final MigrationTools tools;

    @Inject
    CheckCommand(CliEnvironment environment, MigrationTools tools) {
        this.environment = environment;
        this.tools = tools;
    }

    @Override
    public Integer call() {
        if (pgVersion != null) {
            StaticCheck.supportedVersion(pgVersion, "--pg-version");
        }
        StatsSnapshot snapshot = stats == null ? null : StatsSnapshot.read(environment.workingDir().resolve(stats));
        if (pgVersion == null && snapshot != null) {
            pgVersion = StaticCheck.supportedVersion(snapshot.serverVersion(), "The stats file's version");
        }
        Settings settings = CommonOptions.settings(environment, target, source, null, Map.of());
        CheckReport report = paths.isEmpty() ? checkPending(settings) : checkFiles(settings);
        if (snapshot != null) {
            report = StatsGrading.grade(report, snapshot);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> CheckReportView.printJson(report, failOn.threshold(), out);
            case sarif -> SarifReport.print(report, VersionInfo.version(), out);
            case github -> GithubAnnotations.print(report, out);
            case gitlab -> GitlabCodeQuality.print(report, out);
            default -> CheckReportView.printText(report, failOn.threshold(), out);
        }
        out.flush();
        return failOn.exitCode(report, spec.commandLine().getErr(), format == Format.text);
    }

    /** No PATH: what is pending on the target, as the tool would run it. */
    private CheckReport checkPending(Settings settings) {
        if (changedSince != null) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--changed-since judges migration files, and no "
                    + "PATH was given.", "Name the migration directory: opta-migrate check db/migration "
                            + "--changed-since " + changedSince + ".", null);
        }
        if (!target.embedded() && !new TargetResolver(settings).configured()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Nothing to check: no PATH was given, and no "
                    + "target to read the pending migrations from.", "Give the migration files or directories "
                    + "(opta-migrate check db/migration), or a target: --url, the Opta variables, or --embedded.",
                    null);
        }
        try (OpenDatabase database = OpenDatabase.open(target, settings, tools, environment, notices(), false)) {
            return database.configuration().load()
                    .check(pgVersion == null ? OptionalInt.empty() : OptionalInt.of(pgVersion), rules != null);
        }
    }

    /** The files and directories given, read as one history; with --changed-since, only what changed is judged. */
    private CheckReport checkFiles(Settings settings) {
        CheckedFiles read = CheckedFiles.read(paths, environment.workingDir(), tools, ToolOptionsReader.read(settings));
        StaticCheck check = StaticCheck.asOneHistory(pgVersion == null ? StaticCheck.DEFAULT_PG_VERSION : pgVersion)
                .underLockGuard(LockGuard.from(settings).enabled()).withStyleRules(rules != null);
        CheckReport report = changedSince == null ? check.check(read.scripts())
                : ChangedMigrations.check(check, read.scripts(), GitChanges.since(changedSince,
                        environment.workingDir()), environment.workingDir());
        return settings.allowList().apply(read.placed(report));
    }

    private PrintWriter notices() {
        return format == Format.text ? spec.commandLine().getOut() : spec.commandLine().getErr();
    }
}
