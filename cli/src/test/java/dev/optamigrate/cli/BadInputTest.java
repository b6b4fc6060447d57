package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.Examples;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input gets its own message, a hint, its documented exit code, and no stack trace. */
class BadInputTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.withPasswordAuthentication();

    @TempDir
    Path dir;

    @Test
    void noTarget() {
        Cli.Result result = Cli.run(dir, "migrate", "--location", flyway());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No target database", "--url", "OPTA_MIGRATE_URL", "DBHOST", "--embedded");
        assertNoStackTrace(result);
    }

    @Test
    void refusedPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Cli.Result result = Cli.run(dir, "migrate", "--url", "jdbc:postgresql://127.0.0.1:" + port + "/app?user=app",
                "--location", flyway(), "--connect-timeout", "3s");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("127.0.0.1:" + port, "refused", "hint:");
        assertNoStackTrace(result);
    }

    @Test
    void unresolvableHost() {
        Cli.Result result = Cli.run(dir, "status", "--url", "jdbc:postgresql://no-such-host.invalid:5432/app",
                "--user", "app", "--location", flyway());
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("no-such-host.invalid", "does not resolve");
        assertNoStackTrace(result);
    }

    @Test
    void jsonOutputEndsWithTheErrorAsAnObject() throws Exception {
        Cli.Result result = Cli.run(dir, "status", "--url", "jdbc:postgresql://no-such-host.invalid:5432/app",
                "--user", "app", "--location", flyway(), "--output", "json");
        com.fasterxml.jackson.databind.JsonNode error = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(result.out().strip().lines().reduce((first, second) -> second).orElseThrow());
        assertThat(error.get("type").asText()).isEqualTo("error");
        assertThat(error.get("code").asText()).isEqualTo("CANNOT_CONNECT");
        assertThat(error.get("exitCode").asInt()).isEqualTo(3).isEqualTo(result.exitCode());
        assertThat(error.get("message").asText()).contains("does not resolve");
        assertThat(error.get("hint").asText()).isNotBlank();
    }

    @Test
    void wrongPasswordNeverAppearsInAnyOutput(TestDatabase db) {
        String wrong = "Wr0ng-Passw0rd-xyz";
        String url = db.target().jdbcUrl() + "?user=" + PostgresExtension.APP_USER;
        for (String output : new String[] {"text", "json"}) {
            Cli.Result result = Cli.run(Map.of("OPTA_MIGRATE_PASSWORD", wrong), dir, "migrate", "--url", url,
                    "--location", flyway(), "--output", output, "--verbose");
            assertThat(result.exitCode()).isEqualTo(4);
            assertThat(result.err()).contains("Authentication failed", PostgresExtension.APP_USER);
            assertThat(result.all()).doesNotContain(wrong);
        }
    }

    @Test
    void rightPasswordFromAFileWorks(TestDatabase db) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("pw"), PostgresExtension.APP_PASSWORD + "\n");
        String url = db.target().jdbcUrl() + "?user=" + PostgresExtension.APP_USER;
        Cli.Result result = Cli.run(dir, "migrate", "--url", url, "--password-file", file.toString(), "--location",
                flyway());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.all()).doesNotContain(PostgresExtension.APP_PASSWORD);
    }

    @Test
    void unknownStrategyListsTheKnownOnes(TestDatabase db) {
        Cli.Result result = Cli.run(dir, "migrate", "--url", db.url(), "--location", flyway(), "--strategy", "helm");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown strategy 'helm'", "local", "startup");
        assertNoStackTrace(result);
    }

    @Test
    void unknownToolListsTheKnownOnes(TestDatabase db) {
        Cli.Result result = Cli.run(dir, "migrate", "--url", db.url(), "--location", flyway(), "--tool", "sqitch");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown tool 'sqitch'", "flyway");
        assertNoStackTrace(result);
    }

    @Test
    void missingLocation(TestDatabase db) {
        Cli.Result result = Cli.run(dir, "migrate", "--url", db.url(), "--location", "nowhere/at-all");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nowhere/at-all", "does not exist", "--location");
    }

    @Test
    void thereIsNoPasswordFlag(TestDatabase db) {
        Cli.Result result = Cli.run(dir, "migrate", "--url", db.url(), "--password", "secret");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option", "--password-file");
    }

    @Test
    void passwordInTheUrlIsRefused() {
        Cli.Result result = Cli.run(dir, "migrate", "--url", "jdbc:postgresql://h/db?user=a&password=leaky");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.all()).contains("contains a password").doesNotContain("leaky");
    }

    private static void assertNoStackTrace(Cli.Result result) {
        assertThat(result.all()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    private static String flyway() {
        return Examples.of("flyway").toString();
    }
}
