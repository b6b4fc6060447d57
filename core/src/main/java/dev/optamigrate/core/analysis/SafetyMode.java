package dev.optamigrate.core.analysis;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import java.util.Locale;

/** What {@code migrate} does with the static check of its pending migrations (setting {@code safety}). */
public enum SafetyMode {
    /** No check. */
    OFF,
    /** Report the findings, then migrate. */
    WARN,
    /** Report the findings, and refuse to migrate while an error-level one remains. */
    BLOCK;

    public static SafetyMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Unknown safety mode '" + value + "'.",
                    "Set " + CoreSetting.SAFETY.names() + " to off, warn or block.", null);
        }
    }
}
