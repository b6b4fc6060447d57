package dev.optamigrate.cli.output;

import dev.optamigrate.core.event.EventLines;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import java.io.PrintWriter;

/** Prints a run's events for people, one line each, as they happen. Failures are left to the error handler. */
public final class ConsoleEventPrinter implements EventListener {
    private final PrintWriter out;
    private final EventLines lines = new EventLines();

    public ConsoleEventPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void on(MigrationEvent event) {
        String line = lines.lineFor(event);
        if (line != null) {
            out.println(line);
            out.flush();
        }
    }
}
