package dev.optamigrate.core.connect;

import dev.optamigrate.core.error.Causes;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.target.Target;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Turns a failed connection attempt into one sentence with its likely cause and fix. */
public final class ConnectionFailures {
    private ConnectionFailures() {
    }

    public static MigrateException translate(SQLException e, Target target) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return new MigrateException(ErrorCode.AUTHENTICATION_FAILED, "Authentication failed for user '"
                    + target.user() + "' at " + target.hostAndPort() + ": " + firstLine(e), null, e);
        }
        if (state.equals("3D000")) {
            return new MigrateException(ErrorCode.CANNOT_CONNECT, "Database '" + target.database()
                    + "' does not exist at " + target.hostAndPort() + ".",
                    "Create it first, or fix the database name in the URL or the Opta DBNAME variable.", e);
        }
        Throwable cause = Causes.root(e);
        if (cause instanceof UnknownHostException) {
            return new MigrateException(ErrorCode.CANNOT_CONNECT, "Host '" + target.host() + "' does not resolve.",
                    "Check the host name; a cluster-internal name resolves only inside the cluster or over its VPN.",
                    e);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return new MigrateException(ErrorCode.CANNOT_CONNECT, "Connection to " + target.hostAndPort()
                    + " was refused.", "Check that PostgreSQL runs and listens on that port, and that you are on "
                            + "the network that reaches it (VPN, tunnel, firewall).", e);
        }
        if (cause instanceof SocketTimeoutException) {
            return new MigrateException(ErrorCode.CANNOT_CONNECT, "Connecting to " + target.hostAndPort()
                    + " timed out after " + target.connectTimeout().toSeconds() + "s.",
                    "The host does not answer: check the VPN or tunnel and the firewall, or raise --connect-timeout.",
                    e);
        }
        return new MigrateException(ErrorCode.CANNOT_CONNECT, "Cannot connect to " + target.describe() + ": "
                + firstLine(e), null, e);
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
