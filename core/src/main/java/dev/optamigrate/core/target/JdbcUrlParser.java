package dev.optamigrate.core.target;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.postgresql.Driver;

/**
 * Reads a PostgreSQL JDBC URL with the driver's own parser, and refuses one that carries a password (as a
 * parameter or as user-info before the host). Errors never echo the URL, which may hold a secret.
 */
final class JdbcUrlParser {
    private static final String PREFIX = "jdbc:postgresql://";
    private static final Set<String> HANDLED = Set.of("PGHOST", "PGPORT", "PGDBNAME", "user", "password", "sslmode");

    private JdbcUrlParser() {
    }

    /** The parts of a URL that a {@link Target} needs. */
    record Parsed(String host, int port, String database, String user, String sslMode,
            Map<String, String> properties) {
    }

    /**
     * @param source           where the URL came from, e.g. {@code --url}
     * @param passwordVariable where a password belongs instead, for the hint
     */
    static Parsed parse(String url, String source, String passwordVariable) {
        checkAuthority(url, source, passwordVariable);
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The URL from " + source
                    + " is not a PostgreSQL JDBC URL.", "Write it like jdbc:postgresql://db.example.com:5432/app.",
                            null);
        }
        if (parsed.getProperty("password") != null) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The URL from " + source + " contains a password.",
                    "Remove it from the URL and put it in " + passwordPlaces(passwordVariable) + ".", null);
        }
        String host = parsed.getProperty("PGHOST");
        for (String each : host.split(",")) {
            Addresses.host(each, "The host in the URL from " + source);
        }
        if (host.contains(",")) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The URL from " + source + " names several hosts ("
                    + host + ").", "Name the primary only: migrations must run against the writable server.", null);
        }
        Map<String, String> properties = new HashMap<>();
        for (String name : parsed.stringPropertyNames()) {
            if (!HANDLED.contains(name)) {
                properties.put(name, parsed.getProperty(name));
            }
        }
        int port = Addresses.port(parsed.getProperty("PGPORT"), "The port in the URL from " + source);
        return new Parsed(host, port, parsed.getProperty("PGDBNAME"), parsed.getProperty("user"),
                parsed.getProperty("sslmode"), properties);
    }

    /** Where the password goes instead: the variable, and for the target also a password file. */
    private static String passwordPlaces(String passwordVariable) {
        return passwordVariable.equals(Setting.PASSWORD_VARIABLE) ? passwordVariable + " or a file named by "
                + CoreSetting.PASSWORD_FILE.names() : passwordVariable;
    }

    /**
     * What the driver would misread: user-info ({@code user:password@host}), which it takes as part of the host,
     * and a port out of range, which it reports only as "not a URL".
     */
    private static void checkAuthority(String url, String source, String passwordVariable) {
        if (!url.startsWith(PREFIX)) {
            return;
        }
        String rest = url.substring(PREFIX.length());
        int end = rest.length();
        for (char delimiter : new char[] {'/', '?'}) {
            int at = rest.indexOf(delimiter);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        String authority = rest.substring(0, end);
        if (authority.contains("@")) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The URL from " + source + " has user-info before "
                    + "the host (user:password@host), which opta-migrate does not accept.", "Write "
                    + "jdbc:postgresql://HOST:5432/DB, with the user in ?user= or " + CoreSetting.USER.names()
                    + " and the password in "
                    + passwordPlaces(passwordVariable) + ".", null);
        }
        for (String hostSpec : authority.split(",")) {
            int colon = hostSpec.lastIndexOf(':');
            boolean bracketed = hostSpec.startsWith("[");
            if (colon >= 0 && (bracketed ? colon > hostSpec.indexOf(']') : hostSpec.indexOf(':') == colon)) {
                Addresses.port(hostSpec.substring(colon + 1), "The port in the URL from " + source);
            }
        }
    }
}
