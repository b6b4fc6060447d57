package dev.optamigrate.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP receiver for tests: it accepts what an exporter posts to {@code /v1/traces} and {@code /v1/metrics}
 * and decodes it with the OTLP protobuf classes.
 */
final class OtlpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final List<Metric> metrics = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", exchange -> answer(exchange, () -> ExportTraceServiceRequest
                .parseFrom(exchange.getRequestBody()).getResourceSpansList().forEach(resource -> resource
                        .getScopeSpansList().forEach(scope -> spans.addAll(scope.getSpansList())))));
        server.createContext("/v1/metrics", exchange -> answer(exchange, () -> ExportMetricsServiceRequest
                .parseFrom(exchange.getRequestBody()).getResourceMetricsList().forEach(resource -> resource
                        .getScopeMetricsList().forEach(scope -> metrics.addAll(scope.getMetricsList())))));
        server.start();
    }

    /** The base URL, for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Span> spans() {
        return spans;
    }

    List<Metric> metrics() {
        return metrics;
    }

    private interface Decode {
        void run() throws IOException;
    }

    private static void answer(HttpExchange exchange, Decode decode) {
        try (exchange) {
            decode.run();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
