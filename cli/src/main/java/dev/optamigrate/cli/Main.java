package dev.optamigrate.cli;

import com.google.inject.Guice;
import dev.optamigrate.cli.output.LibraryLogHandler;
import java.io.BufferedReader;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** The {@code opta-migrate} command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        quietLibraryLogs(Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v"));
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Console console = System.console();
        Optional<BufferedReader> terminal = console == null ? Optional.empty()
                : Optional.of(new BufferedReader(console.reader()));
        System.exit(run(args, new CliEnvironment(System.getenv(), Path.of("").toAbsolutePath(), terminal), out, err));
    }

    /** Runs one command line and returns its exit code; output goes to the given writers. */
    public static int run(String[] args, CliEnvironment environment, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(OptaMigrateCommand.class,
                new GuiceFactory(Guice.createInjector(new CliModule(environment))));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        ExitCodes.addToHelp(commandLine);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    /**
     * Liquibase's lock-row messages: opta-migrate's own lock governs, it reports a stale row itself, and
     * {@code update-sql} on a database without the lock table warns that it cannot release a row it never took.
     * Held here so that java.util.logging keeps the level.
     */
    private static final Logger LIQUIBASE_LOCK_LOG = Logger.getLogger("liquibase.lockservice");

    /**
     * The libraries log through java.util.logging (Flyway through SLF4J's JDK 1.4 binding): people see their
     * warnings as single lines without stack traces (as warning events once a command prints events), unless
     * they ask for more with --verbose.
     */
    private static void quietLibraryLogs(boolean verbose) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        LibraryLogHandler handler = new LibraryLogHandler(verbose);
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(verbose ? Level.INFO : Level.WARNING);
        LIQUIBASE_LOCK_LOG.setLevel(verbose ? Level.INFO : Level.SEVERE);
    }
}
