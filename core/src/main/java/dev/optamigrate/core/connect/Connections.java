package dev.optamigrate.core.connect;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.target.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens connections to a {@link Target} with timeouts always set (a dead host must never hang a run), TCP
 * keepalives on, an application name that tells other sessions who holds the migration lock, and the
 * {@link SessionSettings} that make the server notice a dead client quickly.
 */
public final class Connections {
    private static final int APPLICATION_NAME_LIMIT = 63;

    private final Target target;
    private final String applicationName;
    private final DataSource dataSource;
    private final SessionSettings settings;

    public Connections(Target target, String applicationName) {
        this(target, applicationName, SessionSettings.deadClientWatch());
    }

    /** With other session settings, so that tests can see a server refuse one. */
    Connections(Target target, String applicationName, SessionSettings settings) {
        this(target, applicationName, settings, dataSource(target, applicationName));
    }

    /** @param physical where the connections come from: the server itself, or a {@link ConnectionPool} */
    Connections(Target target, String applicationName, SessionSettings settings, DataSource physical) {
        this.target = target;
        this.applicationName = applicationName;
        this.settings = settings;
        this.dataSource = physical;
    }

    /** The application name this process uses: {@code opta-migrate <host> pid <pid>}, cut to PostgreSQL's limit. */
    public static String applicationName() {
        String name = "opta-migrate " + Hosts.localName() + " pid " + ProcessHandle.current().pid();
        return name.length() <= APPLICATION_NAME_LIMIT ? name : name.substring(0, APPLICATION_NAME_LIMIT);
    }

    public Target target() {
        return target;
    }

    /**
     * Connections like these with more session settings (for the lock guard's {@code lock_timeout}).
     *
     * @param more more settings, by name; empty for none
     */
    public DataSource withSessionSettings(Map<String, String> more) {
        return new SettingDataSource(dataSource, settings.plus(more));
    }

    /** Connections for the migration tool; it opens and closes its own. */
    public DataSource dataSource() {
        return new SettingDataSource(dataSource, settings);
    }

    /** Opens one connection, turning every connection failure into a {@link MigrateException} that says why. */
    public Connection open() {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw ConnectionFailures.translate(e, target);
        }
        try {
            settings.apply(connection);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Connected to " + target.describe() + ", but "
                    + e.getMessage(), "Connect to PostgreSQL directly, or through a pooler in session mode.", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is being given up on anyway
        }
    }

    static PGSimpleDataSource dataSource(Target target, String applicationName) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {target.urlHost()});
        ds.setPortNumbers(new int[] {target.port()});
        ds.setDatabaseName(target.database());
        ds.setUser(target.user());
        target.password().ifPresent(password -> ds.setPassword(password.reveal()));
        ds.setSslMode(target.sslMode().value());
        ds.setConnectTimeout(seconds(target.connectTimeout()));
        ds.setLoginTimeout(seconds(target.connectTimeout()));
        ds.setSocketTimeout(seconds(target.socketTimeout()));
        ds.setTcpKeepAlive(true);
        ds.setApplicationName(applicationName);
        target.properties().forEach((name, value) -> {
            try {
                ds.setProperty(name, value);
            } catch (SQLException e) {
                throw new IllegalArgumentException("Unknown JDBC property " + name, e);
            }
        });
        return ds;
    }

    private static int seconds(Duration duration) {
        if (duration.isZero()) {
            return 0;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toSeconds()));
    }
}
