package dev.optamigrate.kubernetes;

import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a migration started in the cluster (in a Job, or in a service's pod) runs and which of this run's settings
 * it must see. Inside the cluster the engine runs in the container itself, so its strategy is always
 * {@code local}; a password is never carried.
 */
public final class RemoteRun {
    /** The command run when the user gives none after {@code --}. */
    public static final List<String> DEFAULT_COMMAND = List.of("opta-migrate", "migrate");

    private static final List<Setting> CARRIED = List.of(Setting.TOOL, Setting.LOCATION, Setting.CLASSPATH,
            Setting.SEARCH_PATH, Setting.CONTEXTS, Setting.LABELS, Setting.PLACEHOLDERS, Setting.MYBATIS_ENVIRONMENT,
            Setting.LOCK_WAIT,
            Setting.SAFETY, Setting.RELEASE, Setting.OPERATOR, Setting.SSLMODE, Setting.ENV_HOST, Setting.ENV_PORT,
            Setting.ENV_NAME, Setting.ENV_USER, Setting.ENV_PASSWORD);

    private RemoteRun() {
    }

    /**
     * The settings that are not defaults, as OPTA_MIGRATE_* variables, plus the release.
     *
     * @param release what the journal records when no release is configured (the image), or null
     */
    public static Map<String, String> settingVariables(Settings settings, String release) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(Setting.STRATEGY.environmentVariable(), "local");
        for (Setting setting : CARRIED) {
            if (settings.given(setting)) {
                variables.put(setting.environmentVariable(), settings.require(setting));
            }
        }
        if (release != null) {
            variables.putIfAbsent(Setting.RELEASE.environmentVariable(), release);
        }
        return variables;
    }
}
