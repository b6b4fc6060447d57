package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.OutputOptions;
import dev.optamigrate.cli.options.SourceOptions;
import dev.optamigrate.cli.output.PlanView;
import dev.optamigrate.core.analysis.StaticCheck;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.plan.Plan;
import dev.optamigrate.core.plan.PlanOperation;
import dev.optamigrate.core.plan.PlanOptions;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Durations;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.settings.SettingsLoader;
import dev.optamigrate.core.settings.ToolOptionsReader;
import dev.optamigrate.core.tool.MigrationTools;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every {@code plan} operation shares: where to write, how the steps are written, and the output. */
abstract class PlanRun implements Callable<Integer> {
    @Mixin
    SourceOptions source;

    @Mixin
    OutputOptions output;

    @Option(names = "--step", paramLabel = "RELEASE", defaultValue = "1", description = "Which release's "
            + "migrations to write, from 1. Default: ${DEFAULT-VALUE}.")
    int step;

    @Option(names = "--dry-run", description = "Print the plan and write nothing.")
    boolean dryRun;

    @Option(names = "--pg-version", paramLabel = "MAJOR", description = "The target's PostgreSQL major version, "
            + "which the steps are written and checked for. Default: " + StaticCheck.DEFAULT_PG_VERSION + ".")
    Integer pgVersion;

    @Option(names = "--batch-size", paramLabel = "ROWS", defaultValue = "1000", description = "Rows a backfill "
            + "updates per transaction. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--batch-pause", paramLabel = "DURATION", defaultValue = "100ms", description = "Pause after "
            + "each backfill batch, so that replicas and autovacuum keep up. Default: ${DEFAULT-VALUE}.")
    String batchPause;

    @Option(names = "--key", paramLabel = "COLUMN", defaultValue = "id", description = "The column a backfill "
            + "walks the table by: unique, not null and indexed, such as the primary key. Default: ${DEFAULT-VALUE}.")
    String key;

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;
    private final MigrationTools tools;

    PlanRun(CliEnvironment environment, MigrationTools tools) {
        this.environment = environment;
        this.tools = tools;
    }

    /** The operation the user asked for. */
    abstract PlanOperation operation();

    @Override
    public Integer call() {
        Map<Setting, String> flags = new HashMap<>();
        source.addTo(flags);
        Settings settings = SettingsLoader.load(flags, environment.variables(), Optional.empty(),
                environment.workingDir());
        int major = StaticCheck.supportedVersion(pgVersion == null ? StaticCheck.DEFAULT_PG_VERSION : pgVersion,
                "--pg-version");
        if (batchSize < 1) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--batch-size " + batchSize + " is not a number "
                    + "of rows.", "Give 1 or more, e.g. --batch-size 1000.", null);
        }
        Plan plan = Plan.of(operation(), new PlanOptions(major, batchSize, Durations.parse(batchPause,
                "--batch-pause"), key));
        if (step < 1 || step > plan.releases()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--step " + step + " is not a release of this "
                    + "plan, which spans " + plan.releases() + ".", "Give --step 1 to " + plan.releases() + ".", null);
        }
        String location = environment.workingDir().resolve(settings.require(CoreSetting.LOCATION)).toString();
        String tool = settings.get(CoreSetting.TOOL).orElseGet(() -> tools.detect(location).tool());
        List<Path> written = dryRun ? List.of() : tools.byName(tool).write(location, ToolOptionsReader.read(settings),
                plan.migrations(step));
        if (output.json()) {
            spec.commandLine().getOut().println(PlanView.json(plan, major, tool, step, written));
        } else {
            PlanView.text(plan, major, tool, step, written, spec.commandLine().getOut());
        }
        return 0;
    }
}
