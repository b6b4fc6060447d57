package dev.optamigrate.kubernetes.testing;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventListBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Core v1 Events in the fake cluster, listed with the field selectors the API server supports for them
 * ({@code involvedObject.kind}, {@code involvedObject.name}, {@code reason}), which the mock's CRUD store
 * does not evaluate.
 */
final class FakeEvents {
    private static final Pattern LIST = Pattern.compile("/api/v1/namespaces/([^/?]+)/events(\\?(.*))?");
    private static final Map<String, Function<Event, String>> FIELDS = Map.of(
            "involvedObject.kind", event -> event.getInvolvedObject().getKind(),
            "involvedObject.name", event -> event.getInvolvedObject().getName(),
            "reason", Event::getReason);

    private final List<Event> events = new CopyOnWriteArrayList<>();

    void record(String namespace, String kind, String name, String reason, String message) {
        events.add(new EventBuilder().withNewMetadata().withName(name + "." + UUID.randomUUID().toString()
                .substring(0, 8)).withNamespace(namespace).endMetadata().withNewInvolvedObject().withKind(kind)
                .withName(name).withNamespace(namespace).endInvolvedObject().withReason(reason).withMessage(message)
                .withType("Warning").withCount(1).build());
    }

    /** The list for a GET of a namespace's events; null for any other request. */
    MockResponse answer(RecordedRequest request) {
        Matcher matcher = LIST.matcher(request.getPath());
        if (!"GET".equals(request.getMethod()) || !matcher.matches()) {
            return null;
        }
        Map<String, String> selector = fieldSelector(matcher.group(3));
        List<Event> matching = events.stream().filter(event -> matcher.group(1).equals(event.getMetadata()
                .getNamespace())).filter(event -> selector.entrySet().stream().allMatch(field -> FIELDS.containsKey(
                        field.getKey()) && field.getValue().equals(FIELDS.get(field.getKey()).apply(event))))
                .toList();
        return new MockResponse().setResponseCode(200).setBody(Serialization.asJson(new EventListBuilder()
                .withNewMetadata().withResourceVersion("1").endMetadata().withItems(matching).build()));
    }

    private static Map<String, String> fieldSelector(String query) {
        if (query == null) {
            return Map.of();
        }
        for (String parameter : query.split("&")) {
            String[] pair = parameter.split("=", 2);
            if (pair[0].equals("fieldSelector") && pair.length == 2) {
                return List.of(URLDecoder.decode(pair[1], StandardCharsets.UTF_8).split(",")).stream()
                        .map(requirement -> requirement.split("=", 2))
                        .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
            }
        }
        return Map.of();
    }
}
