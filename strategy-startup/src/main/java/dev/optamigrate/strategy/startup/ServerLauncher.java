package dev.optamigrate.strategy.startup;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.io.IOException;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Starts the server command after a successful migration, with this process's stdin, stdout and stderr.
 * SIGTERM and SIGINT sent to this process are forwarded to the server, and the server's exit code is returned.
 */
public final class ServerLauncher {
    private static final List<String> FORWARDED = List.of("TERM", "INT");

    private ServerLauncher() {
    }

    /** Runs the command to its end and returns its exit code. */
    public static int run(List<String> command) {
        Process server;
        try {
            server = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new MigrateException(ErrorCode.CONFIGURATION, "Cannot start the server command " + command + ": "
                    + e.getMessage(), "Check the command after `--`: it must be an executable on the PATH or a path.",
                    e);
        }
        List<SignalHandler> previous = FORWARDED.stream()
                .map(name -> Signal.handle(new Signal(name), signal -> forward(server, name))).toList();
        try {
            return server.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroy();
            return 130;
        } finally {
            for (int i = 0; i < FORWARDED.size(); i++) {
                Signal.handle(new Signal(FORWARDED.get(i)), previous.get(i));
            }
        }
    }

    private static void forward(Process server, String signal) {
        if (signal.equals("TERM")) {
            server.destroy();
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(server.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            server.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
