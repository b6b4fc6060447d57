package dev.optamigrate.core.connect;

import dev.optamigrate.core.error.Causes;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.target.Target;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;

/** Turns a failed connection attempt into one sentence with its likely cause and fix. */
public final class ConnectionFailures {
    private ConnectionFailures() {
    }

    public static MigrateException translate(SQLException e, Target target) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return new MigrateException(CoreErrorCode.AUTHENTICATION_FAILED, "Authentication failed for user '"
                    + target.user() + "' at " + target.hostAndPort() + passwordSource(target) + ": " + firstLine(e),
                    target.password().map(password -> "Check the user, and the password in " + password.source()
                            + ".").orElse(null), e);
        }
        if (target.password().isEmpty() && firstLine(e).contains("no password was provided")) {
            return new MigrateException(CoreErrorCode.AUTHENTICATION_FAILED, "The server at " + target.hostAndPort()
                    + " asks user '" + target.user() + "' for a password, and none was given.", "Give it in "
                    + "OPTA_MIGRATE_PASSWORD, in a file named by " + CoreSetting.PASSWORD_FILE.names() + ", or (inside "
                    + "an Opta service) in the linked database's DBPASS variable; those are the sources opta-migrate "
                    + "looks in.", e);
        }
        if (state.equals("3D000")) {
            return new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Database '" + target.database()
                    + "' does not exist at " + target.hostAndPort() + ".",
                    "Create it first, or fix the database name in the URL or the Opta DBNAME variable.", e);
        }
        MigrateException pooler = poolerRefusal(e, target);
        if (pooler != null) {
            return pooler;
        }
        MigrateException tls = tlsFailure(e, target);
        if (tls != null) {
            return tls;
        }
        Throwable cause = Causes.root(e);
        if (cause instanceof UnknownHostException) {
            return new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Host '" + target.host() + "' does not resolve.",
                    "Check the host name; a cluster-internal name resolves only inside the cluster or over its VPN.",
                    e);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Connection to " + target.hostAndPort()
                    + " was refused.", "Check that PostgreSQL runs and listens on that port, and that you are on "
                            + "the network that reaches it (VPN, tunnel, firewall).", e);
        }
        if (cause instanceof SocketTimeoutException) {
            return new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Connecting to " + target.hostAndPort()
                    + " timed out after " + target.connectTimeout().toSeconds() + "s.",
                    "The host does not answer: are you on the VPN? Check the tunnel and the firewall or security "
                            + "group, or raise " + CoreSetting.CONNECT_TIMEOUT.names() + ".", e);
        }
        return new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Cannot connect to " + target.describe() + ": "
                + firstLine(e), null, e);
    }

    /** A pooler that refused a startup parameter; null when the failure is something else. */
    private static MigrateException poolerRefusal(SQLException e, Target target) {
        String message = firstLine(e);
        String marker = "unsupported startup parameter";
        int at = message.indexOf(marker);
        if (at < 0) {
            return null;
        }
        String parameter = message.substring(at + marker.length()).replaceAll("^[:\\s]+", "").strip();
        return new MigrateException(CoreErrorCode.CANNOT_CONNECT, "A connection pooler at " + target.hostAndPort()
                + " refused the startup parameter '" + parameter + "': PgBouncer refuses the parameters it does not "
                + "track.", "Leave it out of the JDBC properties (opta-migrate sets its own session settings with "
                + "SET), add it to ignore_startup_parameters in pgbouncer.ini, or connect to PostgreSQL directly.", e);
    }

    /** The TLS failures, each with its own fix; null when the failure is not about TLS. */
    private static MigrateException tlsFailure(SQLException e, Target target) {
        String message = firstLine(e);
        String mode = "sslmode=" + target.sslMode().value();
        if (message.contains("does not support SSL")) {
            return new MigrateException(CoreErrorCode.CANNOT_CONNECT, "TLS is required (" + mode
                    + ") but the server at " + target.hostAndPort() + " does not offer it.", "Turn ssl on in the "
                    + "server's configuration; only on a network you trust, lower " + CoreSetting.SSLMODE.names()
                    + " to prefer or disable.", e);
        }
        if (message.contains("Could not open SSL root certificate file")) {
            return new MigrateException(CoreErrorCode.CONFIGURATION, mode + " checks the server's certificate, but "
                    + "no CA certificate file can be read: " + message, "Give the CA that signed the server's "
                            + "certificate with " + CoreSetting.SSL_ROOT_CERT.names() + " (for RDS, the region's "
                            + "bundle).", e);
        }
        if (message.contains("could not be verified by hostnameverifier")) {
            return new MigrateException(CoreErrorCode.CANNOT_CONNECT, "The server's certificate at "
                    + target.hostAndPort() + " is not issued for host '" + target.host() + "' (" + mode + ").",
                    "Connect by a name the certificate was issued for, or set " + CoreSetting.SSLMODE.names()
                            + " to verify-ca, which checks the CA but not the name.", e);
        }
        if (Causes.find(e, CertificateException.class) != null || Causes.find(e, CertPathBuilderException.class)
                != null || Causes.find(e, CertPathValidatorException.class) != null) {
            return new MigrateException(CoreErrorCode.CANNOT_CONNECT, "The server's certificate at "
                    + target.hostAndPort() + " is not trusted (" + mode + "): " + firstLine(Causes.root(e)),
                    "Give the CA that signed it with " + CoreSetting.SSL_ROOT_CERT.names() + " (for RDS, the "
                            + "region's bundle), or set " + CoreSetting.SSLMODE.key() + " to require, which encrypts "
                            + "without checking the certificate.", e);
        }
        return null;
    }

    private static String passwordSource(Target target) {
        return target.password().map(password -> " (password from " + password.source() + ")").orElse(
                " (no password given)");
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
