package dev.optamigrate.core.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.TreeMap;
import java.util.UUID;

/** A notification as each kind of sink takes it. */
final class Payloads {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SOURCE = "urn:opta-migrate";

    private Payloads() {
    }

    /** The request for a sink: POST, JSON, and for CloudEvents the {@code ce-*} headers of binary mode. */
    static HttpRequest.Builder request(NotifySink sink, Notification notification) {
        HttpRequest.Builder request = HttpRequest.newBuilder(sink.url()).header("Content-Type", "application/json");
        String body = switch (sink.kind()) {
            case WEBHOOK -> webhook(notification);
            case SLACK -> JSON.createObjectNode().put("text", notification.text()).toString();
            case CLOUDEVENTS -> data(notification).toString();
        };
        if (sink.kind() == NotifySink.Kind.CLOUDEVENTS) {
            request.header("ce-specversion", "1.0").header("ce-type", "dev.optamigrate." + notification.type())
                    .header("ce-source", SOURCE).header("ce-id", UUID.randomUUID().toString())
                    .header("ce-time", notification.time().toString());
        }
        return request.POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** {@code {"type", "text", "time", ...fields}}. */
    static String webhook(Notification notification) {
        ObjectNode node = JSON.createObjectNode().put("type", notification.type()).put("text", notification.text())
                .put("time", notification.time().toString());
        node.setAll(data(notification));
        return node.toString();
    }

    private static ObjectNode data(Notification notification) {
        return JSON.valueToTree(new TreeMap<>(notification.fields()));
    }
}
