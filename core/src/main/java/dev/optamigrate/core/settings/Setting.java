package dev.optamigrate.core.settings;

import java.util.Locale;

/**
 * A setting, with its name in opta-migrate.yaml, its environment variable and its default; flags use the same
 * name with {@code --} in front. Each module has its own set, an enum that implements this ({@link CoreSetting}
 * for the engine), registered through {@link dev.optamigrate.core.spi.Extension}; {@link KnownSettings} holds
 * them all. There is deliberately no password setting: a password comes from {@value #PASSWORD_VARIABLE}, a
 * password file, or the Opta password variable.
 */
public interface Setting {
    /** The environment variable that carries the password; there is no flag and no config key for it. */
    String PASSWORD_VARIABLE = "OPTA_MIGRATE_PASSWORD";

    /** What a value must look like; every value is checked when the settings are loaded. */
    enum Kind {
        TEXT,
        /** {@code 30s}, {@code 10m}, {@code 1h}, {@code 0} */
        DURATION,
        /** {@code true} or {@code false} */
        BOOLEAN,
        /** a whole number of zero or more */
        COUNT
    }

    /**
     * What a setting is.
     *
     * @param key          the name in opta-migrate.yaml (nested keys joined with dots) and, after {@code --}, the flag
     * @param defaultValue the default, or {@code null} for none
     * @param kind         what a value must look like
     * @param description  one line for help texts and the README
     */
    record Definition(String key, String defaultValue, Kind kind, String description) {
    }

    /** The constant's name, e.g. {@code LOCK_WAIT}. */
    String name();

    Definition definition();

    default String key() {
        return definition().key();
    }

    default String defaultValue() {
        return definition().defaultValue();
    }

    default Kind kind() {
        return definition().kind();
    }

    default String description() {
        return definition().description();
    }

    default String environmentVariable() {
        return "OPTA_MIGRATE_" + key().toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    /**
     * Every name the setting goes by, for messages that must serve the command line, the environment and the
     * config file alike: {@code lock-wait (--lock-wait or OPTA_MIGRATE_LOCK_WAIT)}.
     */
    default String names() {
        return key() + " (--" + key() + " or " + environmentVariable() + ")";
    }
}
