package dev.optamigrate.core.guard;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Durations;
import dev.optamigrate.core.settings.Settings;
import java.time.Duration;
import java.util.Optional;

/** Reads {@code cancel-blockers}: {@code idle-in-transaction>AGE}, the only kind of session it may end. */
final class CancelBlockers {
    private static final String PREFIX = "idle-in-transaction>";

    private CancelBlockers() {
    }

    static Optional<Duration> parse(Settings settings) {
        Optional<String> value = settings.get(CoreSetting.CANCEL_BLOCKERS).map(String::trim);
        if (value.isEmpty() || value.get().isEmpty()) {
            return Optional.empty();
        }
        String where = CoreSetting.CANCEL_BLOCKERS.key() + " (from " + settings.sourceOf(CoreSetting.CANCEL_BLOCKERS)
                + ")";
        if (!value.get().startsWith(PREFIX)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, where + " must be " + PREFIX + "AGE, e.g. "
                    + PREFIX + "5m, not '" + value.get() + "'.", "Only sessions idle in a transaction may be ended; "
                    + "an active query never is. Leave the setting out to end none.", null);
        }
        Duration age = Durations.parse(value.get().substring(PREFIX.length()), where);
        if (age.isZero()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, where + " needs an age above 0, such as "
                    + PREFIX + "5m.", "A session that has just paused inside a transaction is not stuck.", null);
        }
        return Optional.of(age);
    }
}
