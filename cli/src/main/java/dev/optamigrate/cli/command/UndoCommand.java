package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.RunOptions;
import dev.optamigrate.cli.output.ConsoleConfirmation;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.UndoRequest;
import dev.optamigrate.core.tool.MigrationTools;
import dev.optamigrate.strategy.external.ExternalSetting;
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
    "--steps may not exceed the number of applied migrations (the error says how many there are). Reverting "
            + "every one takes --all, and on a target marked `protected: true` also --yes.",
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

        @Option(names = "--all", description = "Revert every applied migration (for MyBatis, including the "
                + "script that creates its changelog table).")
        boolean all;
    }

    @Option(names = "--yes", description = "Confirm --all up front on a target marked `protected: true`.")
    boolean yes;

    @Inject
    UndoCommand(CliEnvironment environment, MigrationTools tools) {
        super(environment, tools);
    }

    @Override
    public Integer call() {
        Settings settings = options.settings(environment, run, Map.of());
        UndoRequest request = howFar.tag != null ? UndoRequest.toTag(howFar.tag)
                : howFar.all ? everything(settings) : steps(howFar.steps);
        EventListener printer = eventPrinter();
        try (RunObservers observers = RunObservers.start(settings, printer, environment.variables());
                OpenDatabase database = openDatabase(settings)) {
            observers.watching(database.configuration().strategy("local").addListener(printer)).load()
                    .undo(request);
        }
        return 0;
    }

    /** Every applied migration; on a protected target only with --yes, since it empties the schema. */
    private UndoRequest everything(Settings settings) {
        if (settings.bool(ExternalSetting.PROTECTED)) {
            new ConsoleConfirmation(notices(), environment.terminal(), yes).requireUpFront("Undo --all reverts "
                    + "every applied migration of a protected target.");
        }
        return UndoRequest.everything();
    }

    private UndoRequest steps(int steps) {
        if (steps < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--steps must be 1 or more, was " + steps);
        }
        return UndoRequest.steps(steps);
    }
}
