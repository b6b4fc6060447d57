package dev.optamigrate.core.notify;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.policy.RunPolicy;
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
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("release", settings.get(CoreSetting.RELEASE).orElse(null));
        context.put("operator", settings.get(CoreSetting.OPERATOR).orElse(System.getProperty("user.name")));
        context.put("standby", settings.get(CoreSetting.STANDBY).filter(name -> !name.equals(RunPolicy.REQUIRED))
                .orElse(null));
        context.put("outsideWindow", settings.get(CoreSetting.OUTSIDE_WINDOW).orElse(null));
        context.put("skipRehearsal", settings.get(CoreSetting.SKIP_REHEARSAL).orElse(null));
        return Optional.of(new Notifier(sinks, context, settings.duration(CoreSetting.NOTIFY_LOCK_WAIT),
                settings.duration(CoreSetting.NOTIFY_SLOW_MIGRATION), warnings));
    }
}
