package dev.optamigrate.cli.output;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Where the libraries' log records go. Once a command prints its events, a warning or error a library logs
 * becomes a {@code warning} event of the run (a line in text, an object in JSON output), so that it is never a raw
 * logger line among the command's own output; before that, and with {@code --verbose}, records are printed on
 * standard error by {@link LibraryLogFormatter}.
 */
public final class LibraryLogHandler extends Handler {
    private static volatile EventListener events;

    private final ConsoleHandler console = new ConsoleHandler();
    private final boolean verbose;

    public LibraryLogHandler(boolean verbose) {
        this.verbose = verbose;
        console.setFormatter(new LibraryLogFormatter(verbose));
        console.setLevel(Level.ALL);
    }

    /** The printer of the command that runs now: library warnings become its events. */
    public static void sendWarningsTo(EventListener listener) {
        events = listener;
    }

    @Override
    public void publish(LogRecord record) {
        EventListener listener = events;
        if (!verbose && listener != null && record.getLevel().intValue() >= Level.WARNING.intValue()) {
            listener.on(new MigrationEvent.Warning(LibraryLogFormatter.oneLine(record)));
        } else {
            console.publish(record);
        }
    }

    @Override
    public void flush() {
        console.flush();
    }

    @Override
    public void close() {
        console.close();
    }
}
