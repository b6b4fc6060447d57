package dev.optamigrate.cli.command;

import picocli.CommandLine.Command;

/** Many targets at once: tenant schemas or databases. */
@Command(name = "fleet", description = {
    "Migrate many targets in one process: the tenant schemas of a database, or databases on one or more servers. "
            + "Each target runs under its own lock and journal rows, with every check `migrate` makes.",
    ""},
        subcommands = {FleetMigrateCommand.class, FleetStatusCommand.class, FleetVerifyCommand.class})
public final class FleetCommand {
}
