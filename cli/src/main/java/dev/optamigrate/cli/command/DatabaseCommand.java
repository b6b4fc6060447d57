package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.CommonOptions;
import dev.optamigrate.cli.output.ConsoleEventPrinter;
import dev.optamigrate.cli.output.JsonEventPrinter;
import dev.optamigrate.cli.output.LibraryLogHandler;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.tool.MigrationTools;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every verb that works on a database shares: its options, its writers, and opening the database. */
abstract class DatabaseCommand {
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    final CliEnvironment environment;
    final MigrationTools tools;

    DatabaseCommand(CliEnvironment environment, MigrationTools tools) {
        this.environment = environment;
        this.tools = tools;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where notices go: standard output for people, standard error when standard output carries JSON. */
    PrintWriter notices() {
        return options.output.json() ? spec.commandLine().getErr() : out();
    }

    /** Prints a run's events as JSON lines or for people, as --output asks. */
    EventListener eventPrinter() {
        EventListener printer = options.output.json() ? new JsonEventPrinter(out()) : new ConsoleEventPrinter(out());
        LibraryLogHandler.sendWarningsTo(printer);
        return printer;
    }

    /** The target, its tool and a ready configuration; see {@link OpenDatabase#open}. */
    OpenDatabase openDatabase(Settings settings) {
        return OpenDatabase.open(options.target, settings, tools, environment, notices(), false);
    }
}
