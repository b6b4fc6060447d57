package dev.optamigrate.testkit;

import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.spi.ContainerPostgresProvider;
import dev.optamigrate.core.spi.EmbeddedPostgresProvider;
import dev.optamigrate.core.target.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for a test class, registered with {@code @RegisterExtension}: an embedded server (the default)
 * or a container of a chosen image, started before the class's tests and stopped after. Each check gets fresh,
 * empty databases on it.
 */
public final class MigrationDatabase implements BeforeAllCallback, AfterAllCallback {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String image;
    private AutoCloseable running;
    private Target server;

    private MigrationDatabase(String image) {
        this.image = image;
    }

    /** An embedded PostgreSQL 17: no Docker needed. */
    public static MigrationDatabase embedded() {
        return new MigrationDatabase(null);
    }

    /**
     * A container of {@code image}, e.g. {@code postgres:16} for the major version production runs; it needs a
     * Docker engine.
     */
    public static MigrationDatabase container(String image) {
        return new MigrationDatabase(image);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (image == null) {
            EmbeddedPostgresProvider.EmbeddedServer embedded = EmbeddedPostgresProvider.find("Use "
                    + "MigrationDatabase.container(image) instead.").startThrowaway();
            running = embedded;
            server = embedded.target();
        } else {
            ContainerPostgresProvider docker = ContainerPostgresProvider.find().orElseThrow(() ->
                    new IllegalStateException(ContainerPostgresProvider.ARTIFACT + " is not on the test classpath"));
            ContainerPostgresProvider.ContainerServer container = docker.start(image);
            running = container;
            server = container.target();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (running != null) {
            running.close();
        }
    }

    /** The migration set at {@code location} (a directory, or {@code classpath:db/migration}), to assert on. */
    public MigrationsUnderTest migrations(String location) {
        if (server == null) {
            throw new IllegalStateException("MigrationDatabase is not started: register it with @RegisterExtension "
                    + "on a static field.");
        }
        return new MigrationsUnderTest(this, location);
    }

    /** A fresh, empty database on the server, owned by its superuser. */
    Target freshDatabase() {
        String name = "opta_testkit_" + DATABASES.incrementAndGet();
        try (Connection connection = new Connections(server, Connections.applicationName()).open();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name + ": " + e.getMessage(), e);
        }
        return server.withDatabase(name);
    }

    /** The server, for a rehearsal's scratch database. */
    Target server() {
        return server;
    }
}
