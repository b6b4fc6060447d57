package dev.optamigrate.cli.command;

import picocli.CommandLine.Command;

/** Production statistics for an offline {@code check --stats}. */
@Command(name = "stats", description = {
    "Production statistics, for `check --stats` where CI cannot reach production.",
    ""},
        subcommands = {StatsExportCommand.class})
public final class StatsCommand {
}
