package dev.optamigrate.core.notify;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.policy.RunLabels;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The notifier the settings ask for, if they name sinks. */
public final class Notifications {
    private Notifications() {
    }

    /**
     * @param warnings where a failed delivery is told
     * @return the notifier, or empty when the {@code notify} setting names no sink
     */
    public static Optional<Notifier> from(Settings settings, EventListener warnings) {
        List<NotifySink> sinks = settings.get(CoreSetting.NOTIFY).map(value -> NotifySink.parse(value,
                settings.environment(), settings.sourceOf(CoreSetting.NOTIFY))).orElse(List.of());
        if (sinks.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> context = new LinkedHashMap<>(RunLabels.from(settings));
        return Optional.of(new Notifier(sinks, context, settings.duration(CoreSetting.NOTIFY_LOCK_WAIT),
                settings.duration(CoreSetting.NOTIFY_SLOW_MIGRATION), warnings));
    }
}
