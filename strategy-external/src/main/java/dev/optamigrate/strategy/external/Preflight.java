package dev.optamigrate.strategy.external;

import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.target.Target;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Checks, one step at a time, that the database can be used before the engine starts, so that each failure is
 * reported as the step that failed: the name resolves, the port answers, TLS and the login work, the database
 * exists. Returns what it found, in words.
 */
final class Preflight {
    private static final String TUNNEL_HINT = " If the database is only reachable from inside the cluster, use "
            + "--tunnel.";

    private Preflight() {
    }

    /** @param reach the address actually connected to (a tunnel's local end, or the target itself) */
    static String check(Target reach) {
        InetAddress address = resolve(reach);
        long connectMillis = connect(reach, address);
        return "Preflight: " + reach.host() + (reach.host().equals(address.getHostAddress()) ? "" : " resolves to "
                + address.getHostAddress() + ";") + " port " + reach.port() + " answers (" + connectMillis
                + " ms); " + login(reach) + ".";
    }

    private static InetAddress resolve(Target reach) {
        try {
            return InetAddress.getAllByName(reach.host())[0];
        } catch (UnknownHostException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Host '" + reach.host()
                    + "' does not resolve from this machine.", "Check the name. A private or cluster-internal name "
                    + "resolves only inside its network: connect the VPN first." + TUNNEL_HINT, e);
        }
    }

    private static long connect(Target reach, InetAddress address) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, reach.port()), (int) Math.min(Integer.MAX_VALUE,
                    reach.connectTimeout().toMillis()));
            return (System.nanoTime() - started) / 1_000_000;
        } catch (SocketTimeoutException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "No answer from " + reach.hostAndPort()
                    + " within "
                    + reach.connectTimeout().toSeconds() + " s: the packets are dropped on the way.",
                    "Are you on the VPN? Check the firewall or security group, or raise --connect-timeout."
                            + TUNNEL_HINT, e);
        } catch (NoRouteToHostException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "There is no route from this machine to "
                    + reach.hostAndPort() + ".", "Are you on the VPN?" + TUNNEL_HINT, e);
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Connection to " + reach.hostAndPort()
                    + " was refused: nothing listens on that port, or a firewall rejects it.", "Check the port "
                    + "and that PostgreSQL runs. Are you on the VPN?" + TUNNEL_HINT, e);
        }
    }

    private static String login(Target reach) {
        try (Connection connection = new Connections(reach, Connections.applicationName()).open();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('server_version'), "
                        + "coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)")) {
            row.next();
            return "logged in to database " + reach.database() + " as " + reach.user() + (row.getBoolean(2)
                    ? " over TLS" : " without TLS") + " (sslmode=" + reach.sslMode().value() + "); PostgreSQL "
                    + row.getString(1);
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "The preflight query failed on " + reach.describe()
                    + ": " + e.getMessage(), null, e);
        }
    }
}
