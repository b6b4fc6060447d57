package dev.optamigrate.strategy.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.testing.MigrationSets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The external strategy against an embedded PostgreSQL that serves TLS with a test certificate. */
class ExternalTlsTest {
    @TempDir
    static Path directory;
    private static TestCertificates trusted;
    private static TestCertificates other;
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startTlsServer() throws IOException {
        trusted = TestCertificates.create(directory, "trusted");
        other = TestCertificates.create(directory, "other");
        server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", trusted.serverCertificate().toString())
                .setServerConfig("ssl_key_file", trusted.serverKey().toString())
                .start();
    }

    @AfterAll
    static void stopTlsServer() throws IOException {
        server.close();
    }

    @Test
    void verifyFullWithTheRightCaMigratesOverTls() {
        ExternalRun run = run("verify-full", trusted.caCertificate());

        assertThat(run.execute().result().applied()).hasSize(4);
        assertThat(run.progress()).anySatisfy(line -> assertThat(line).contains("over TLS (sslmode=verify-full)"));
    }

    @Test
    void aCertificateFromAnotherCaIsNotTrusted() {
        assertThatThrownBy(() -> run("verify-full", other.caCertificate()).execute())
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.CANNOT_CONNECT);
                    assertThat(failure.getMessage()).contains("certificate at localhost:" + server.getPort()
                            + " is not trusted (sslmode=verify-full)");
                    assertThat(failure.hint()).contains("--ssl-root-cert");
                });
    }

    @Test
    void aNameTheCertificateDoesNotCoverIsRefused() {
        ExternalRun run = run("verify-full", trusted.caCertificate()).set(CoreSetting.URL,
                "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres");

        assertThatThrownBy(run::execute).isInstanceOfSatisfying(MigrateException.class, failure ->
                assertThat(failure.getMessage()).contains("not issued for host '127.0.0.1'"));
    }

    private static ExternalRun run(String sslMode, Path ca) {
        Path location = MigrationSets.copy("flyway", directory.resolve("migrations-" + System.nanoTime()));
        String database = "tls_" + System.nanoTime();
        try (var connection = server.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return new ExternalRun(directory).set(CoreSetting.URL, "jdbc:postgresql://localhost:" + server.getPort() + "/"
                + database).set(CoreSetting.USER, "postgres").set(CoreSetting.SSLMODE, sslMode)
                .set(CoreSetting.SSL_ROOT_CERT, ca.toString()).set(CoreSetting.LOCATION, location.toString());
    }
}
