package dev.optamigrate.cli;

import dev.optamigrate.cli.command.CheckCommand;
import dev.optamigrate.cli.command.FleetCommand;
import dev.optamigrate.cli.command.GenerateCommand;
import dev.optamigrate.cli.command.HistoryCommand;
import dev.optamigrate.cli.command.PlanCommand;
import dev.optamigrate.cli.command.GuardCommand;
import dev.optamigrate.cli.command.JobCommand;
import dev.optamigrate.cli.command.MigrateCommand;
import dev.optamigrate.cli.command.StartupCommand;
import dev.optamigrate.cli.command.StatsCommand;
import dev.optamigrate.cli.command.StatusCommand;
import dev.optamigrate.cli.command.StrategiesCommand;
import dev.optamigrate.cli.command.UndoCommand;
import dev.optamigrate.cli.command.ValidateCommand;
import dev.optamigrate.cli.command.VerifyCommand;
import dev.optamigrate.cli.command.VersionCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: only subcommands, help and version. */
@Command(name = "opta-migrate", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = VersionInfo.class, resourceBundle = "dev.optamigrate.cli.options.SettingDescriptions",
        usageHelpAutoWidth = true,
        description = {
            "PostgreSQL schema migrations for services on Kubernetes, run safely: trusted tools (Flyway, "
                    + "Liquibase, MyBatis Migrations) behind one advisory lock, a journal of every run, and a choice of where the migration runs.",
            "",
            "Settings come from flags, then OPTA_MIGRATE_* variables, then opta-migrate.yaml, then defaults. "
                    + "Passwords never come from a flag: use OPTA_MIGRATE_PASSWORD, --password-file, or Opta's "
                    + "DBPASS.",
            "",
            "Try it on a local embedded PostgreSQL: opta-migrate migrate --embedded --location examples/flyway",
            ""},
        subcommands = {MigrateCommand.class, StatusCommand.class, HistoryCommand.class, ValidateCommand.class,
            CheckCommand.class, StatsCommand.class, FleetCommand.class,
            VerifyCommand.class, PlanCommand.class, UndoCommand.class,
            StrategiesCommand.class, StartupCommand.class, JobCommand.class, GuardCommand.class,
            GenerateCommand.class,
            VersionCommand.class})
public final class OptaMigrateCommand {
}
