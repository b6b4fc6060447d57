package dev.optamigrate.kubernetes.testing;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RBAC for exec and port-forward in the fake cluster. The API server authorises a WebSocket upgrade by its HTTP
 * method, GET, so the verb checked is {@code get} (kubernetes#125571; from 1.35 {@code create} is checked as
 * well). A Role that grants only {@code create} is refused with 403 and the API server's message.
 */
final class FakeRbac {
    private static final Pattern STREAMING = Pattern.compile(
            "/api/v1/namespaces/([^/]+)/pods/([^/]+)/(exec|portforward)\\?.*");

    private final Map<String, Set<String>> granted = new ConcurrentHashMap<>();

    void grant(String subresource, String... verbs) {
        granted.put(subresource, Set.of(verbs));
    }

    /** A 403 for an upgrade the granted verbs do not allow; null lets the request through. */
    MockResponse answer(RecordedRequest request) {
        Matcher matcher = STREAMING.matcher(request.getPath());
        if (!matcher.matches()) {
            return null;
        }
        String subresource = "pods/" + matcher.group(3);
        Set<String> verbs = granted.get(subresource);
        if (verbs == null || verbs.contains("get")) {
            return null;
        }
        return FakeCluster.status(403, "Forbidden", "pods \"" + matcher.group(2) + "\" is forbidden: User "
                + "\"tester\" cannot get resource \"" + subresource + "\" in API group \"\" "
                + "in the namespace \"" + matcher.group(1) + "\"");
    }
}
