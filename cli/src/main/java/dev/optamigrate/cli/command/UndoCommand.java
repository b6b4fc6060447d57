package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.RunOptions;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.UndoRequest;
import dev.optamigrate.core.tool.MigrationTools;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Reverts applied migrations, where the tool can. */
@Command(name = "undo", description = {
    "Revert applied migrations under the migration lock, where the tool can.",
    "",
    "Liquibase rolls back by count (--steps) or to a tag (--tag); MyBatis Migrations runs the --//@UNDO section "
            + "of the last --steps scripts. Flyway's open-source edition has no undo: write a forward migration "
            + "that reverts the change. The run is recorded in the journal with action `undo`.",
    "",
    "Examples:",
    "%n  opta-migrate undo --location examples/liquibase --steps 1 --embedded",
    "%n  opta-migrate undo --location db/changelog --tag v41",
    ""})
public final class UndoCommand extends DatabaseCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @ArgGroup(exclusive = true, multiplicity = "1")
    HowFar howFar;

    /** Exactly one of --steps and --tag. */
    static final class HowFar {
        @Option(names = "--steps", paramLabel = "N", description = "Revert the last N applied migrations.")
        Integer steps;

        @Option(names = "--tag", paramLabel = "TAG", description = "Revert everything applied after TAG "
                + "(Liquibase).")
        String tag;
    }

    @Inject
    UndoCommand(CliEnvironment environment, MigrationTools tools) {
        super(environment, tools);
    }

    @Override
    public Integer call() {
        UndoRequest request = howFar.tag != null ? UndoRequest.toTag(howFar.tag) : steps(howFar.steps);
        Settings settings = options.settings(environment, run, Map.of());
        try (TargetSession session = openTarget(settings)) {
            configuration(settings, session).strategy("local").listener(eventPrinter()).load().undo(request);
        }
        return 0;
    }

    private UndoRequest steps(int steps) {
        if (steps < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--steps must be 1 or more, was " + steps);
        }
        return UndoRequest.steps(steps);
    }
}
