package dev.optamigrate.core.target;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.postgresql.Driver;

/** Reads a PostgreSQL JDBC URL with the driver's own parser, and refuses one that carries a password. */
final class JdbcUrlParser {
    private static final Set<String> HANDLED = Set.of("PGHOST", "PGPORT", "PGDBNAME", "user", "password", "sslmode");

    private JdbcUrlParser() {
    }

    /** The parts of a URL that a {@link Target} needs. */
    record Parsed(String host, int port, String database, String user, String sslMode,
            Map<String, String> properties) {
    }

    static Parsed parse(String url, String source) {
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            throw new MigrateException(ErrorCode.CONFIGURATION, "The URL from " + source
                    + " is not a PostgreSQL JDBC URL.", "Write it like jdbc:postgresql://db.example.com:5432/app.", null);
        }
        if (parsed.getProperty("password") != null) {
            throw new MigrateException(ErrorCode.CONFIGURATION, "The URL from " + source + " contains a password.",
                    "Remove it from the URL and put it in " + dev.optamigrate.core.settings.Setting.PASSWORD_VARIABLE
                            + " or in a file named by --password-file.", null);
        }
        String host = parsed.getProperty("PGHOST");
        if (host.contains(",")) {
            throw new MigrateException(ErrorCode.CONFIGURATION, "The URL from " + source + " names several hosts ("
                    + host + ").", "Name the primary only: migrations must run against the writable server.", null);
        }
        Map<String, String> properties = new HashMap<>();
        for (String name : parsed.stringPropertyNames()) {
            if (!HANDLED.contains(name)) {
                properties.put(name, parsed.getProperty(name));
            }
        }
        return new Parsed(host, Integer.parseInt(parsed.getProperty("PGPORT")), parsed.getProperty("PGDBNAME"),
                parsed.getProperty("user"), parsed.getProperty("sslmode"), properties);
    }
}
