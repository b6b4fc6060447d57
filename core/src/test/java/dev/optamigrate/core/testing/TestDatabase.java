package dev.optamigrate.core.testing;

import dev.optamigrate.core.target.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A fresh database for one test, reachable as the superuser.
 *
 * @param name   the database name
 * @param target the database as the superuser
 */
public record TestDatabase(String name, Target target) {
    /** The advisory lock key every opta-migrate run takes ("opta", "migr"). */
    private static final long MIGRATION_LOCK_KEY = (0x6F707461L << 32) | 0x6D696772L;

    /** The JDBC URL with the user in it (no password), as a command-line user would write it. */
    public String url() {
        return target.jdbcUrl() + "?user=" + target.user();
    }

    public Connection connect() throws SQLException {
        return connect(target);
    }

    /** Runs one statement. */
    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of every row of a query, as strings. */
    public List<String> column(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** Whether a table of this name exists in the public schema. */
    public boolean hasTable(String table) throws SQLException {
        return !column("SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = '" + table + "'").isEmpty();
    }

    /**
     * A session that holds opta-migrate's migration lock, as another run would, under {@code applicationName};
     * closing it releases the lock.
     */
    public Connection holdMigrationLock(String applicationName) throws SQLException {
        Connection holder = connect();
        try (Statement statement = holder.createStatement()) {
            statement.execute("SET application_name = '" + applicationName + "'");
            statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK_KEY + ")");
        } catch (SQLException e) {
            holder.close();
            throw e;
        }
        return holder;
    }

    static Connection connect(Target target) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        target.password().ifPresent(password -> properties.setProperty("password", password.reveal()));
        return DriverManager.getConnection(target.jdbcUrl(), properties);
    }
}
