package dev.optamigrate.cli.command;

import picocli.CommandLine.Command;

/** Follow-up on migration Jobs, for example after {@code migrate --strategy job --detach}. */
@Command(name = "job", description = {
    "Follow up on a migration Job started by `migrate --strategy job` (for example with --detach).",
    ""},
        subcommands = {JobStatusCommand.class, JobLogsCommand.class})
public final class JobCommand {
}
