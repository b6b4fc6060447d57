package dev.optamigrate.kubernetes;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a stream from the cluster (a pod's log, an exec's stdout or stderr) into lines and sends each one as a
 * {@link MigrationEvent.RemoteOutput} event the moment it is complete; {@link #close()} sends an unfinished last
 * line.
 */
public final class RemoteLines extends OutputStream {
    private final String source;
    private final EventListener events;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long lastLineNanos = System.nanoTime();

    /** @param source what the lines are labelled with, e.g. the pod's name */
    public RemoteLines(String source, EventListener events) {
        this.source = source;
        this.events = events;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            flushLine();
        }
    }

    /** When the last complete line arrived, from {@link System#nanoTime()}. */
    public synchronized long lastLineNanos() {
        return lastLineNanos;
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        lastLineNanos = System.nanoTime();
        events.on(new MigrationEvent.RemoteOutput(source, text.endsWith("\r") ? text.substring(0,
                text.length() - 1) : text));
    }
}
