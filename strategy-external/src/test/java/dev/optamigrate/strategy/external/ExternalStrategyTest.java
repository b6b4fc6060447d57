package dev.optamigrate.strategy.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.spi.ExecutionReport;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The external strategy's preflight and protection against a real embedded PostgreSQL, on loopback. */
class ExternalStrategyTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.withPasswordAuthentication();

    @TempDir
    Path directory;

    private TestDatabase database;
    private Path location;

    @BeforeEach
    void createDatabase() {
        database = POSTGRES.newDatabase();
        location = MigrationSets.copy("flyway", directory.resolve("migrations"));
    }

    @Test
    void migratesAfterAPreflightThatSaysWhatItFound() throws Exception {
        ExternalRun run = run(url(database.name()));

        ExecutionReport report = run.execute();

        assertThat(report.result().applied()).hasSize(4);
        assertThat(database.hasTable("orders")).isTrue();
        assertThat(run.progress()).anySatisfy(line -> assertThat(line).startsWith("Preflight: localhost resolves to")
                .contains("port " + database.target().port() + " answers", "as app without TLS (sslmode=prefer)",
                        "PostgreSQL 17"));
    }

    @Test
    void aClosedPortIsRefusedWithTheVpnQuestion() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertFails(run("jdbc:postgresql://127.0.0.1:" + closedPort + "/app"), CoreErrorCode.CANNOT_CONNECT,
                "was refused", "VPN");
    }

    @Test
    void aNameThatDoesNotResolveSaysSo() {
        assertFails(run("jdbc:postgresql://no-such-database-host.invalid:5432/app"), CoreErrorCode.CANNOT_CONNECT,
                "does not resolve", "--tunnel");
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() {
        assertFails(run(url(database.name())).env(Setting.PASSWORD_VARIABLE, "not-the-password"),
                CoreErrorCode.AUTHENTICATION_FAILED, "Authentication failed for user 'app'",
                "the password in OPTA_MIGRATE_PASSWORD");
    }

    @Test
    void aMissingDatabaseIsNamed() {
        assertFails(run(url("no_such_database")), CoreErrorCode.CANNOT_CONNECT,
                "Database 'no_such_database' does not exist", "Create it first");
    }

    @Test
    void tlsRequiredAgainstAServerWithoutTlsSaysSo() {
        assertFails(run(url(database.name())).set(CoreSetting.SSLMODE, "require"), CoreErrorCode.CANNOT_CONNECT,
                "TLS is required (sslmode=require) but the server", "Turn ssl on");
    }

    @Test
    void aProtectedTargetShowsWhatWillRunAndNeedsYes() throws Exception {
        ExternalRun refused = run(url(database.name())).set(ExternalSetting.PROTECTED, "true");

        assertFails(refused, CoreErrorCode.NOT_CONFIRMED, "Nothing ran", "--yes");

        assertThat(refused.shown).singleElement().satisfies(summary -> assertThat(summary)
                .contains("app@localhost:" + database.target().port() + "/" + database.name(), "is protected",
                        "Will apply 4 migrations with flyway", "1 create customers", "4 add customer phone"));
        assertThat(database.hasTable("customers")).isFalse();

        ExternalRun confirmed = run(url(database.name())).set(ExternalSetting.PROTECTED, "true").yes();
        assertThat(confirmed.execute().result().applied()).hasSize(4);
    }

    @Test
    void anUnprotectedTargetIsNotConfirmed() {
        ExternalRun run = run(url(database.name()));

        run.execute();

        assertThat(run.shown).isEmpty();
    }

    private ExternalRun run(String url) {
        return new ExternalRun(directory).set(CoreSetting.URL, url).set(CoreSetting.USER, PostgresExtension.APP_USER)
                .set(CoreSetting.LOCATION, location.toString()).set(CoreSetting.CONNECT_TIMEOUT, "5s")
                .env(Setting.PASSWORD_VARIABLE, PostgresExtension.APP_PASSWORD);
    }

    private String url(String databaseName) {
        return "jdbc:postgresql://localhost:" + database.target().port() + "/" + databaseName;
    }

    private static void assertFails(ExternalRun run, ErrorCode code, String message, String hint) {
        assertThatThrownBy(run::execute).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(code);
            assertThat(failure.getMessage()).contains(message);
            assertThat(failure.hint()).contains(hint);
        });
    }
}
