package dev.optamigrate.strategy.startup;

import dev.optamigrate.core.error.CoreErrorCode;
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

    /**
     * Runs the command to its end and returns its exit code. The signal handlers are in place before the server
     * starts, so that a SIGTERM that arrives while it starts is forwarded to it too, never lost with the server
     * left running.
     */
    public static int run(List<String> command) {
        Forwarder forwarder = new Forwarder();
        List<SignalHandler> previous = FORWARDED.stream()
                .map(name -> Signal.handle(new Signal(name), signal -> forwarder.signal(name))).toList();
        try {
            Process server = start(command);
            forwarder.started(server);
            return server.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forwarder.signal("TERM");
            return 130;
        } finally {
            for (int i = 0; i < FORWARDED.size(); i++) {
                Signal.handle(new Signal(FORWARDED.get(i)), previous.get(i));
            }
        }
    }

    private static Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot start the server command " + command + ": "
                    + e.getMessage(), "Check the command after `--`: it must be an executable on the PATH or a path.",
                    e);
        }
    }

    /** Forwards signals to the server; one that arrives before the server exists is delivered once it does. */
    private static final class Forwarder {
        private Process server;
        private String early;

        synchronized void signal(String name) {
            if (server == null) {
                early = name;
            } else {
                forward(server, name);
            }
        }

        synchronized void started(Process process) {
            server = process;
            if (early != null) {
                forward(server, early);
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
