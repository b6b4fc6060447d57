package dev.optamigrate.core.testing;

import dev.optamigrate.core.spi.ContainerPostgresProvider;
import dev.optamigrate.core.target.Password;
import dev.optamigrate.core.target.SslMode;
import dev.optamigrate.core.target.Target;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Real PostgreSQL for tests: one server per test class, one fresh database per test (declare a
 * {@link TestDatabase} parameter). The server is zonky's embedded PostgreSQL; set {@code OPTA_MIGRATE_TEST_URL}
 * to the JDBC URL of a superuser connection (password in {@code OPTA_MIGRATE_TEST_PASSWORD}) to use an existing
 * server instead. {@link #container(String)} runs a container of a chosen image instead, for another major version
 * (Testcontainers, through {@code opta-migrate-shadow-docker} on the test classpath; the class should skip itself
 * without Docker, e.g. with {@code @Testcontainers(disabledWithoutDocker = true)}).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresExtension POSTGRES = new PostgresExtension();
 * }</pre>
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    /** The role that {@link #withPasswordAuthentication()} creates, and its password. */
    public static final String APP_USER = "app";
    public static final String APP_PASSWORD = "s3cret-Pa55word";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final boolean passwordAuthentication;
    private final String image;
    private AutoCloseable container;
    private EmbeddedPostgres embedded;
    private Target server;

    public PostgresExtension() {
        this(false);
    }

    private PostgresExtension(boolean passwordAuthentication) {
        this(passwordAuthentication, null);
    }

    private PostgresExtension(boolean passwordAuthentication, String image) {
        this.passwordAuthentication = passwordAuthentication;
        this.image = image;
    }

    /** A container of {@code image}, e.g. {@code postgres:15}, as the server. */
    public static PostgresExtension container(String image) {
        return new PostgresExtension(false, image);
    }

    /**
     * A server that checks passwords for TCP connections of role {@link #APP_USER} (password
     * {@link #APP_PASSWORD}), so wrong-password paths can be tested. The superuser still connects without one.
     */
    public static PostgresExtension withPasswordAuthentication() {
        return new PostgresExtension(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String url = System.getenv("OPTA_MIGRATE_TEST_URL");
        if (image != null) {
            ContainerPostgresProvider.ContainerServer started = ContainerPostgresProvider.find().orElseThrow(() ->
                    new IllegalStateException(ContainerPostgresProvider.ARTIFACT + " is not on the test classpath"))
                    .start(image);
            container = started;
            server = started.target();
        } else if (url != null && !url.isBlank()) {
            server = ExistingServer.target(url, System.getenv("OPTA_MIGRATE_TEST_PASSWORD"));
        } else {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60));
            if (passwordAuthentication) {
                builder.setDataDirectoryCustomizer(PostgresExtension::requirePasswords);
            }
            embedded = builder.start();
            server = new Target("localhost", embedded.getPort(), "postgres", "postgres", Optional.empty(),
                    SslMode.DISABLE, Duration.ofSeconds(10), Duration.ofMinutes(10), Map.of());
        }
        if (passwordAuthentication) {
            execute(server, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_USER
                    + "') THEN CREATE ROLE " + APP_USER + " LOGIN PASSWORD '" + APP_PASSWORD + "'; END IF; END $$");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (embedded != null) {
            embedded.close();
        }
        if (container != null) {
            container.close();
        }
    }

    /** The server's maintenance database, as the superuser. */
    public Target server() {
        return server;
    }

    /** Creates a fresh, empty database owned by the superuser (and usable by {@link #APP_USER} if present). */
    public TestDatabase newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute(server, "CREATE DATABASE " + name);
        if (passwordAuthentication) {
            execute(server.withDatabase(name), "GRANT ALL ON SCHEMA public TO " + APP_USER);
            execute(server, "GRANT ALL ON DATABASE " + name + " TO " + APP_USER);
        }
        return new TestDatabase(name, server.withDatabase(name));
    }

    /** The given database as {@link #APP_USER}, with the given password (right or wrong). */
    public Target asAppUser(TestDatabase database, String password) {
        Target admin = database.target();
        return new Target(admin.host(), admin.port(), admin.database(), APP_USER, Optional.of(Password.of(password)),
                admin.sslMode(), admin.connectTimeout(), admin.socketTimeout(), admin.properties());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return newDatabase();
    }

    static void execute(Target target, String sql) {
        try (Connection connection = TestDatabase.connect(target); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test setup failed on " + sql, e);
        }
    }

    private static void requirePasswords(java.io.File dataDirectory) {
        String rules = String.join("\n",
                "local all all trust",
                "host all " + APP_USER + " 127.0.0.1/32 scram-sha-256",
                "host all " + APP_USER + " ::1/128 scram-sha-256",
                "host all all 127.0.0.1/32 trust",
                "host all all ::1/128 trust", "");
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), rules);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write pg_hba.conf", e);
        }
    }

    /** Reads the target of an existing server from a JDBC URL. */
    private static final class ExistingServer {
        static Target target(String url, String password) throws SQLException {
            java.util.Properties parsed = org.postgresql.Driver.parseURL(url, null);
            if (parsed == null) {
                throw new SQLException("OPTA_MIGRATE_TEST_URL is not a PostgreSQL JDBC URL");
            }
            return new Target(parsed.getProperty("PGHOST"), Integer.parseInt(parsed.getProperty("PGPORT")),
                    parsed.getProperty("PGDBNAME"), parsed.getProperty("user", "postgres"),
                    Optional.ofNullable(password).map(Password::of), SslMode.PREFER, Duration.ofSeconds(10),
                    Duration.ofMinutes(10), Map.of());
        }
    }

}
