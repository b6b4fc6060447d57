package dev.optamigrate.kubernetes.testing;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves pods' logs in the fake cluster as the API server does: {@code timestamps=true} puts the kubelet's
 * RFC 3339 timestamp before each line, {@code sinceTime} leaves out older lines, and a log whose reads are set to
 * fail answers HTTP 500 with the API server's Status body (the kubelet cannot be reached) that many times first.
 */
final class FakePodLogs {
    private static final Pattern LOG = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/log(\\?(.*))?");
    private static final Instant FIRST_LINE = Instant.parse("2026-11-24T10:00:00.000000001Z");

    private record Served(String text, AtomicInteger failuresLeft) {
    }

    private final Map<String, Served> logs = new ConcurrentHashMap<>();

    FakePodLogs(FakeCluster cluster) {
        cluster.onRequest(this::answer);
    }

    void serve(String namespace, String pod, String text, int failures) {
        logs.put(namespace + "/" + pod, new Served(text, new AtomicInteger(failures)));
    }

    private MockResponse answer(RecordedRequest request) {
        Matcher matcher = LOG.matcher(request.getPath());
        if (!"GET".equals(request.getMethod()) || !matcher.matches()) {
            return null;
        }
        Served served = logs.get(matcher.group(1) + "/" + matcher.group(2));
        if (served == null) {
            return FakeCluster.status(404, "NotFound", "pods \"" + matcher.group(2) + "\" not found");
        }
        if (served.failuresLeft().getAndDecrement() > 0) {
            return FakeCluster.status(500, "InternalError", "Get \"https://10.0.3.7:10250/containerLogs/"
                    + matcher.group(1) + "/" + matcher.group(2) + "/migrate?follow=true\": dial tcp 10.0.3.7:10250: "
                    + "i/o timeout");
        }
        Map<String, String> query = query(matcher.group(4));
        boolean stamped = "true".equals(query.get("timestamps"));
        Instant since = query.containsKey("sinceTime") ? Instant.parse(query.get("sinceTime")) : Instant.MIN;
        StringBuilder body = new StringBuilder();
        List<String> lines = served.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Instant stamp = FIRST_LINE.plusMillis(i);
            if (!stamp.isBefore(since)) {
                body.append(stamped ? stamp + " " : "").append(lines.get(i)).append('\n');
            }
        }
        return new MockResponse().setResponseCode(200).setBody(body.toString());
    }

    private static Map<String, String> query(String text) {
        Map<String, String> parameters = new HashMap<>();
        if (text != null) {
            for (String parameter : text.split("&")) {
                String[] pair = parameter.split("=", 2);
                parameters.put(pair[0], pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }
}
