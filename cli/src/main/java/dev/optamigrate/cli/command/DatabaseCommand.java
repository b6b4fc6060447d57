package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.CommonOptions;
import dev.optamigrate.cli.output.ConsoleEventPrinter;
import dev.optamigrate.cli.output.JsonEventPrinter;
import dev.optamigrate.cli.output.LibraryLogHandler;
import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.tool.MigrationTools;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every verb that works on a database shares: its options, its writers, and opening the target. */
abstract class DatabaseCommand {
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    final CliEnvironment environment;
    final MigrationTools tools;
    private String tool;

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

    /**
     * Checks the target settings, settles the tool (named, or detected from the location and said so), and only
     * then starts an embedded server if one was asked for: every mistake is reported before anything starts.
     */
    TargetSession openTarget(Settings settings) {
        TargetSession session = TargetSession.configure(options.target, settings);
        tool = settleTool(tools, settings, notices());
        return session.start(environment, notices());
    }

    /** The tool named in the settings, or the one detected from the location, which is then said. */
    static String settleTool(MigrationTools tools, Settings settings, PrintWriter notices) {
        Optional<String> named = settings.get(Setting.TOOL);
        if (named.isPresent()) {
            tools.byName(named.get());
            return named.get();
        }
        MigrationTools.Detection detection = tools.detect(settings.require(Setting.LOCATION));
        notices.println("Tool: " + detection.tool() + " (detected from " + detection.evidence() + ")");
        notices.flush();
        return detection.tool();
    }

    MigratorConfiguration configuration(Settings settings, TargetSession session) {
        return MigratorConfiguration.from(settings, session.target()).tool(tool).tools(tools);
    }
}
