package dev.optamigrate.core.rehearsal;

import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.target.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The throw-away database a rehearsal runs on: a scratch database created on an existing server and dropped
 * afterwards, or one somebody else provides (a fresh embedded PostgreSQL).
 */
public final class Shadow implements AutoCloseable {
    private final Target target;
    private final String description;
    private final AutoCloseable cleanup;

    private Shadow(Target target, String description, AutoCloseable cleanup) {
        this.target = target;
        this.description = description;
        this.cleanup = cleanup;
    }

    /**
     * A shadow on a database somebody else provides, e.g. an embedded PostgreSQL (module
     * {@code opta-migrate-embedded}).
     *
     * @param description for people: which server and database
     * @param cleanup     removes the database when the rehearsal ends
     */
    public static Shadow of(Target target, String description, AutoCloseable cleanup) {
        return new Shadow(target, description, cleanup);
    }

    /**
     * A scratch database on {@code server} (whose user may create databases), dropped when the rehearsal ends.
     */
    public static Shadow scratchDatabase(Target server) {
        String name = "opta_migrate_shadow_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        Connections connections = new Connections(server, Connections.applicationName());
        execute(connections, "CREATE DATABASE " + name, "create the scratch database " + name);
        return new Shadow(server.withDatabase(name), "scratch database " + name + " on " + server.hostAndPort(),
                () -> execute(connections, "DROP DATABASE IF EXISTS " + name, "drop the scratch database " + name));
    }

    public Target target() {
        return target;
    }

    /** For people: which server and database. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            cleanup.close();
        } catch (MigrateException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrateException(CoreErrorCode.INTERNAL, "Could not clean the shadow database up: " + e, e);
        }
    }

    private static void execute(Connections connections, String sql, String what) {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Could not " + what + " on the shadow server: "
                    + e.getMessage(), "Give verify a shadow server where the user may CREATE DATABASE (--shadow-url), "
                    + "or none, to use an embedded PostgreSQL.", e);
        }
    }
}
