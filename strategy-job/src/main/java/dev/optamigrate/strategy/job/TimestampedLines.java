package dev.optamigrate.strategy.job;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Cuts a log read with {@code timestamps=true} into lines, takes the kubelet's timestamp off each line, and
 * sends the line as a {@link MigrationEvent.RemoteOutput}; a line no newer than the last one sent is a line read
 * again after a resumed request, and is skipped.
 */
final class TimestampedLines {
    private final String source;
    private final EventListener events;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private Instant last;

    TimestampedLines(String source, EventListener events) {
        this.source = source;
        this.events = events;
    }

    synchronized void write(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (b == '\n') {
                flush();
            } else {
                line.write(b);
            }
        }
    }

    /** Sends an unfinished last line. */
    synchronized void end() {
        if (line.size() > 0) {
            flush();
        }
    }

    /** The timestamp of the last line sent, to resume after it. */
    synchronized Optional<Instant> last() {
        return Optional.ofNullable(last);
    }

    private void flush() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        int space = text.indexOf(' ');
        Instant stamp = space > 0 ? parse(text.substring(0, space)) : null;
        if (stamp != null) {
            if (last != null && !stamp.isAfter(last)) {
                return;
            }
            last = stamp;
            text = text.substring(space + 1);
        }
        events.on(new MigrationEvent.RemoteOutput(source, text.endsWith("\r") ? text.substring(0, text.length() - 1)
                : text));
    }

    private static Instant parse(String stamp) {
        try {
            return Instant.parse(stamp);
        } catch (DateTimeParseException notAStamp) {
            return null;
        }
    }
}
