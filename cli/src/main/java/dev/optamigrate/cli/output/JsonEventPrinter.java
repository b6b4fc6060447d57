package dev.optamigrate.cli.output;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import java.io.PrintWriter;

/** Writes every event as one JSON line (see {@link Json}). */
public final class JsonEventPrinter implements EventListener {
    private final PrintWriter out;

    public JsonEventPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void on(MigrationEvent event) {
        out.println(Json.event(event));
        out.flush();
    }
}
