package dev.optamigrate.core.notify;

import java.time.Instant;
import java.util.Map;

/**
 * One thing the people on standby are told.
 *
 * @param type   e.g. {@code run-finished}; the CloudEvents type is {@code dev.optamigrate.<type>}
 * @param text   one readable sentence, for chat
 * @param fields the facts, for machines: the run's context and the event's own
 * @param time   when it happened
 */
public record Notification(String type, String text, Map<String, Object> fields, Instant time) {

    public Notification {
        fields = Map.copyOf(fields);
    }
}
