package dev.optamigrate.core.target;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** PostgreSQL TLS modes, as libpq and the JDBC driver spell them. */
public enum SslMode {
    DISABLE, ALLOW, PREFER, REQUIRE, VERIFY_CA, VERIFY_FULL;

    /** The spelling used in URLs and settings, for example {@code verify-full}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SslMode parse(String text) {
        for (SslMode mode : values()) {
            if (mode.value().equalsIgnoreCase(text.trim())) {
                return mode;
            }
        }
        throw new MigrateException(CoreErrorCode.CONFIGURATION, "Unknown sslmode '" + text + "'.",
                "Use one of: " + Arrays.stream(values()).map(SslMode::value).collect(Collectors.joining(", ")) + ".",
                null);
    }
}
