package dev.optamigrate.core.policy;

import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Settings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run is labelled with wherever it is told about (notifications, telemetry): its release, environment,
 * operator and person on standby, and the reasons given for overrides. Only labels that have a value are kept.
 */
public final class RunLabels {
    private RunLabels() {
    }

    /** The labels the settings give, in a fixed order. */
    public static Map<String, String> from(Settings settings) {
        Map<String, String> labels = new LinkedHashMap<>();
        put(labels, "release", settings.get(CoreSetting.RELEASE).orElse(null));
        put(labels, "environment", settings.get(CoreSetting.ENVIRONMENT).orElse(null));
        put(labels, "operator", settings.get(CoreSetting.OPERATOR).orElse(System.getProperty("user.name")));
        put(labels, "standby", settings.get(CoreSetting.STANDBY).filter(name -> !name.equals(RunPolicy.REQUIRED))
                .orElse(null));
        put(labels, "outsideWindow", settings.get(CoreSetting.OUTSIDE_WINDOW).orElse(null));
        put(labels, "skipRehearsal", settings.get(CoreSetting.SKIP_REHEARSAL).orElse(null));
        return Collections.unmodifiableMap(labels);
    }

    private static void put(Map<String, String> labels, String key, String value) {
        if (value != null) {
            labels.put(key, value);
        }
    }
}
