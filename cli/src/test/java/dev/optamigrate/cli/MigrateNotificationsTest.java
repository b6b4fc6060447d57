package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.optamigrate.core.testing.Examples;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `migrate` with notifications configured from the environment: sent, and the URL's token printed nowhere. */
class MigrateNotificationsTest {
    private static final String TOKEN = "xoxb-secret-token";

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void theRunIsToldAndTheTokenIsPrintedNowhere(TestDatabase db) throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/services/" + TOKEN;

        Cli.Result json = Cli.run(Map.of("OPTA_MIGRATE_NOTIFY", "slack env:SLACK_URL", "SLACK_URL", url), dir,
                "migrate", "--url", db.url(), "--location", Examples.of("flyway").toString(), "--output", "json",
                "--standby", "alice", "--verbose");

        assertThat(json.exitCode()).as(json.all()).isZero();
        assertThat(bodies).anySatisfy(body -> assertThat(body).contains("Applied 4 migration(s)",
                "on standby: alice"));
        assertThat(json.all()).doesNotContain(TOKEN);
    }

    @Test
    void anUndoIsToldAsAReversal(TestDatabase db) throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/services/" + TOKEN;
        Map<String, String> env = Map.of("OPTA_MIGRATE_NOTIFY", "slack env:SLACK_URL", "SLACK_URL", url);
        String location = Examples.of("liquibase").toString();
        assertThat(Cli.run(env, dir, "migrate", "--url", db.url(), "--location", location).exitCode()).isZero();
        bodies.clear();

        Cli.Result undo = Cli.run(env, dir, "undo", "--url", db.url(), "--location", location, "--steps", "1",
                "--standby", "bob");

        assertThat(undo.exitCode()).as(undo.all()).isZero();
        assertThat(bodies).anySatisfy(body -> assertThat(body).contains("started undo on", "on standby: bob"))
                .anySatisfy(body -> assertThat(body).contains("Reverted 1 migration(s)"));
        assertThat(undo.all()).doesNotContain(TOKEN);
    }

    @Test
    void aSinkWhoseVariableIsMissingIsNamedAndNothingRuns(TestDatabase db) throws Exception {
        Cli.Result missing = Cli.run(Map.of("OPTA_MIGRATE_NOTIFY", "webhook env:HOOK_URL"), dir, "migrate", "--url",
                db.url(), "--location", Examples.of("flyway").toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("The notification URL's variable HOOK_URL is not set", "KIND env:VARIABLE");
        assertThat(db.hasTable("customers")).isFalse();
    }
}
