package dev.optamigrate.core.connect;

import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.target.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens connections to a {@link Target} with timeouts always set (a dead host must never hang a run), TCP
 * keepalives on, and an application name that tells other sessions who holds the migration lock.
 *
 * <p>Each session also asks the server to notice a dead client quickly, so that a killed run frees its locks
 * within seconds: {@code client_connection_check_interval} makes a backend that runs a long statement check its
 * client every 2 seconds (PostgreSQL 14 and later), and short server-side TCP keepalives detect a client host
 * that vanished. On an older server the first setting is left out.
 */
public final class Connections {
    private static final int APPLICATION_NAME_LIMIT = 63;
    static final String KEEPALIVES = "-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 "
            + "-c tcp_keepalives_count=3";
    static final String DEAD_CLIENT_CHECK = "-c client_connection_check_interval=2000 " + KEEPALIVES;
    private static final String UNKNOWN_PARAMETER = "42704";

    private final Target target;
    private final String applicationName;
    private final PGSimpleDataSource dataSource;
    private final String preferredOptions;

    public Connections(Target target, String applicationName) {
        this(target, applicationName, DEAD_CLIENT_CHECK);
    }

    /** With other preferred session options, so that tests can see a server refuse them. */
    Connections(Target target, String applicationName, String preferredOptions) {
        this.target = target;
        this.applicationName = applicationName;
        this.preferredOptions = preferredOptions;
        this.dataSource = dataSource(target, applicationName);
        if (!target.properties().containsKey("options")) {
            dataSource.setOptions(preferredOptions);
        }
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
     * Connections like these with more session settings (for the lock guard's {@code lock_timeout}), on top of the
     * settings these connections use by now: call it after a first {@link #open()}, which may have dropped a
     * setting an older server does not know.
     *
     * @param sessionOptions more {@code -c name=value} options; empty for none
     */
    public DataSource withSessionOptions(String sessionOptions) {
        if (sessionOptions.isEmpty()) {
            return dataSource;
        }
        PGSimpleDataSource more = dataSource(target, applicationName);
        String current = dataSource.getOptions();
        more.setOptions(current == null || current.isEmpty() ? sessionOptions : current + " " + sessionOptions);
        return more;
    }

    /** Connections for the migration tool; it opens and closes its own. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Opens one connection, turning every connection failure into a {@link MigrateException} that says why. */
    public Connection open() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            if (UNKNOWN_PARAMETER.equals(e.getSQLState()) && preferredOptions.equals(dataSource.getOptions())) {
                dataSource.setOptions(KEEPALIVES);
                return open();
            }
            throw ConnectionFailures.translate(e, target);
        }
    }

    private static PGSimpleDataSource dataSource(Target target, String applicationName) {
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
