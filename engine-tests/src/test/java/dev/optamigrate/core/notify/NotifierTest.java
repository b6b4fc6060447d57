package dev.optamigrate.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications of real runs, delivered to a real HTTP server started here (the JDK's), which records what
 * arrives: the webhook's JSON, Slack's text, the CloudEvents headers; a sink that hangs and one that fails.
 */
class NotifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "T0KEN-do-not-print";

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

    record Received(String path, Map<String, List<String>> headers, String body) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            int status = exchange.getRequestURI().getPath().startsWith("/broken") ? 500 : 200;
            if (exchange.getRequestURI().getPath().startsWith("/hang")) {
                sleep(20_000);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aRunIsToldToEachKindOfSinkWithWhoWatchesIt(TestDatabase db) throws Exception {
        Notifier notifier = notifier("webhook env:HOOK;slack env:SLACK;cloudevents env:CE", Map.of(
                "HOOK", url("/hook?token=" + TOKEN), "SLACK", url("/slack"), "CE", url("/ce")));

        migrate(db, notifier);
        notifier.close();

        JsonNode finished = only("/hook", "run-finished");
        assertThat(finished.get("text").asText()).startsWith("Applied 4 migration(s) on ").endsWith("; release "
                + "shop:1.8; on standby: alice (@alice).");
        assertThat(finished.get("tool").asText()).isEqualTo("flyway");
        assertThat(finished.get("applied").asInt()).isEqualTo(4);
        assertThat(finished.get("standby").asText()).isEqualTo("alice (@alice)");
        assertThat(only("/hook", "run-started").get("pending").asInt()).isEqualTo(4);
        assertThat(received).filteredOn(request -> request.path().equals("/slack")).extracting(request ->
                JSON.readTree(request.body()).get("text").asText()).anySatisfy(text -> assertThat(text)
                        .startsWith("tester started migrate of 4 migration(s) on "));
        Received cloudEvent = received.stream().filter(request -> request.path().equals("/ce")
                && request.headers().get("Ce-type").contains("dev.optamigrate.run-finished")).findFirst().orElseThrow();
        assertThat(cloudEvent.headers()).containsKeys("Ce-id", "Ce-time", "Ce-source").containsEntry("Ce-specversion",
                List.of("1.0"));
        assertThat(JSON.readTree(cloudEvent.body()).get("applied").asInt()).isEqualTo(4);
        assertThat(events.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aSinkThatHangsDelaysNothingAndOneThatFailsIsRetriedThenWarned(TestDatabase db) throws Exception {
        Notifier notifier = notifier("webhook env:HANG;webhook env:BROKEN", Map.of("HANG", url("/hang"), "BROKEN",
                url("/broken?token=" + TOKEN)));

        MigrateResult result = migrate(db, notifier);
        long closing = System.nanoTime();
        notifier.close();

        assertThat(result.duration()).as("the run never waited for a sink").isLessThan(Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(10));
        assertThat(received).filteredOn(request -> request.path().equals("/broken")).hasSizeGreaterThanOrEqualTo(
                Delivery.ATTEMPTS);
        assertThat(events).filteredOn(MigrationEvent.Warning.class::isInstance)
                .map(event -> ((MigrationEvent.Warning) event).message())
                .anySatisfy(message -> assertThat(message).contains("notification to webhook (env BROKEN) failed "
                        + "after 3 attempts (HTTP 500)"))
                .allSatisfy(message -> assertThat(message).doesNotContain(TOKEN));
    }

    @Test
    void aSinkDescribesItselfWithoutItsUrl() {
        NotifySink sink = NotifySink.parse("slack env:SLACK", Map.of("SLACK", "https://hooks.example.com/" + TOKEN),
                "test").get(0);

        assertThat(sink.toString()).isEqualTo("slack (env SLACK)");
    }

    private MigrateResult migrate(TestDatabase db, Notifier notifier) {
        return Migrator.configure().target(db.target()).location(MigrationSets.copy("flyway", dir).toString())
                .release("shop:1.8").standby("alice (@alice)").operator("tester").addListener(events::add)
                .addListener(notifier).load().migrate();
    }

    private Notifier notifier(String sinks, Map<String, String> environment) {
        return new Notifier(NotifySink.parse(sinks, environment, "test"), Map.of("release", "shop:1.8", "operator",
                "tester", "standby", "alice (@alice)"), Duration.ofSeconds(30), Duration.ofMinutes(1), events::add);
    }

    private JsonNode only(String path, String type) throws IOException {
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (Received request : received) {
            JsonNode body = JSON.readTree(request.body());
            if (request.path().equals(path) && body.get("type").asText().equals(type)) {
                bodies.add(body);
            }
        }
        assertThat(bodies).hasSize(1);
        return bodies.get(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
