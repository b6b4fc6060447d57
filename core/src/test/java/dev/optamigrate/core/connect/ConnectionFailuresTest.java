package dev.optamigrate.core.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectionFailuresTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.withPasswordAuthentication();

    @Test
    void refusedPortSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MigrateException failure = failureFor(target("127.0.0.1", closedPort, "postgres"));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CANNOT_CONNECT);
        assertThat(failure.getMessage()).contains("127.0.0.1:" + closedPort, "refused");
    }

    @Test
    void unresolvableHostSaysSo() {
        MigrateException failure = failureFor(target("no-such-host.invalid", 5432, "postgres"));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CANNOT_CONNECT);
        assertThat(failure.getMessage()).contains("no-such-host.invalid", "does not resolve");
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailureThatNeverShowsThePassword(TestDatabase db) {
        String wrong = "definitely-Wrong-pw-77";
        MigrateException failure = failureFor(POSTGRES.asAppUser(db, wrong));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.AUTHENTICATION_FAILED);
        assertThat(failure.getMessage()).contains("app");
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(wrong);
    }

    @Test
    void rightPasswordConnects(TestDatabase db) throws Exception {
        new Connections(POSTGRES.asAppUser(db, PostgresExtension.APP_PASSWORD), "t").open().close();
    }

    @Test
    void everySessionAsksTheServerToWatchForDeadClients(TestDatabase db) throws Exception {
        try (java.sql.Connection connection = new Connections(db.target(), "t").open();
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("SELECT current_setting("
                        + "'client_connection_check_interval'), current_setting('tcp_keepalives_idle')")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("2s");
            assertThat(row.getString(2)).isEqualTo("30");
        }
    }

    @Test
    void aRefusedSessionSettingIsNamedAndTheConnectionGivenUp(TestDatabase db) {
        Connections connections = new Connections(db.target(), "t",
                SessionSettings.deadClientWatch().plus(Map.of("no_such_setting", "1")));

        MigrateException failure = catchThrowableOfType(MigrateException.class, connections::open);

        assertThat(failure.code()).isEqualTo(CoreErrorCode.CANNOT_CONNECT);
        assertThat(failure.getMessage()).contains("refused a session setting", "no_such_setting = '1'",
                "pooler or proxy");
    }

    @Test
    void theToolsConnectionsGetTheSettingsToo(TestDatabase db) throws Exception {
        javax.sql.DataSource tools = new Connections(db.target(), "t")
                .withSessionSettings(Map.of("lock_timeout", "1500"));
        try (java.sql.Connection connection = tools.getConnection();
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("SELECT current_setting('lock_timeout'), "
                        + "current_setting('tcp_keepalives_idle')")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("1500ms");
            assertThat(row.getString(2)).isEqualTo("30");
        }
    }

    @Test
    void missingDatabaseSaysSo(TestDatabase db) {
        MigrateException failure = failureFor(db.target().withDatabase("no_such_db"));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CANNOT_CONNECT);
        assertThat(failure.getMessage()).contains("no_such_db", "does not exist");
    }

    private static MigrateException failureFor(Target target) {
        return catchThrowableOfType(MigrateException.class, () -> new Connections(target, "t").open().close());
    }

    private static Target target(String host, int port, String database) {
        return new Target(host, port, database, "postgres", Optional.empty(),
                dev.optamigrate.core.target.SslMode.DISABLE, Duration.ofSeconds(3), Duration.ofSeconds(10), Map.of());
    }
}
