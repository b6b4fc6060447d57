package dev.optamigrate.cli;

import dev.optamigrate.cli.output.Json;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.error.UnexpectedFailures;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Prints a failed command's message and what to do next, without a stack trace unless {@code --verbose}, and
 * returns the exit code of its {@link ErrorCode}. With {@code --output json} it also writes the error as one JSON
 * object on standard output, for scripts.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine,
            CommandLine.ParseResult parseResult) {
        MigrateException failure = exception instanceof MigrateException known ? known
                : UnexpectedFailures.translate(exception);
        CommandLine.ParseResult leaf = parseResult;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        PrintWriter err = commandLine.getErr();
        err.println("error: " + failure.getMessage());
        err.println("hint: " + failure.hint());
        if (leaf.hasMatchedOption("--verbose")) {
            failure.printStackTrace(err);
        }
        err.flush();
        Object output = leaf.hasMatchedOption("--output") ? leaf.matchedOptionValue("--output", null) : null;
        if (output != null && output.toString().equals("json")) {
            PrintWriter out = commandLine.getOut();
            out.println(Json.error(failure));
            out.flush();
        }
        return failure.exitCode();
    }
}
