package dev.optamigrate.kubernetes;

import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a migration started in the cluster (in a Job, or in a service's pod) runs and which of this run's settings
 * it must see. Inside the cluster the engine runs in the container itself, so its strategy is always
 * {@code local}; a password is never carried, nor a notification sink's URL: the variables they are read from come
 * from the pod's own environment (its Secret).
 */
public final class RemoteRun {
    /** The command run when the user gives none after {@code --}. */
    public static final List<String> DEFAULT_COMMAND = List.of("opta-migrate", "migrate");

    private static final List<Setting> CARRIED = List.of(CoreSetting.TOOL, CoreSetting.LOCATION, CoreSetting.CLASSPATH,
            CoreSetting.SEARCH_PATH, CoreSetting.CONTEXTS, CoreSetting.LABELS, CoreSetting.PLACEHOLDERS,
            CoreSetting.MYBATIS_ENVIRONMENT, CoreSetting.LOCK_WAIT, CoreSetting.LOCK_TIMEOUT, CoreSetting.LOCK_RETRIES,
            CoreSetting.LOCK_RETRY_PAUSE, CoreSetting.STATEMENT_TIMEOUT, CoreSetting.REPORT_QUERIES,
            CoreSetting.CANCEL_BLOCKERS, CoreSetting.SAFETY, CoreSetting.RELEASE, CoreSetting.RUNNING_RELEASE,
            CoreSetting.TRUST_UNKNOWN_RELEASES, CoreSetting.STANDBY, CoreSetting.WINDOWS, CoreSetting.OUTSIDE_WINDOW,
            CoreSetting.ENVIRONMENT, CoreSetting.REQUIRE_REHEARSAL, CoreSetting.REHEARSAL_URL,
            CoreSetting.SKIP_REHEARSAL,
            CoreSetting.NOTIFY, CoreSetting.NOTIFY_LOCK_WAIT, CoreSetting.NOTIFY_SLOW_MIGRATION,
            CoreSetting.OPERATOR,
            CoreSetting.SSLMODE, CoreSetting.ENV_HOST, CoreSetting.ENV_PORT, CoreSetting.ENV_NAME, CoreSetting.ENV_USER,
            CoreSetting.ENV_PASSWORD);

    private RemoteRun() {
    }

    /**
     * The settings that are not defaults, as OPTA_MIGRATE_* variables, plus the release.
     *
     * @param release what the journal records when no release is configured (the image), or null
     */
    public static Map<String, String> settingVariables(Settings settings, String release) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(CoreSetting.STRATEGY.environmentVariable(), "local");
        for (Setting setting : CARRIED) {
            if (settings.given(setting)) {
                variables.put(setting.environmentVariable(), settings.require(setting));
            }
        }
        if (release != null) {
            variables.putIfAbsent(CoreSetting.RELEASE.environmentVariable(), release);
        }
        return variables;
    }

    /**
     * The variables with the releases found on the service's pods added to the running releases the contract gate
     * compares (as {@code image=pods}, after any the user gave).
     */
    public static Map<String, String> withRunning(Map<String, String> variables, Map<String, Integer> images) {
        Map<String, String> added = new LinkedHashMap<>(variables);
        String found = images.entrySet().stream().map(image -> image.getKey() + "=" + image.getValue())
                .collect(Collectors.joining(","));
        if (!found.isEmpty()) {
            added.merge(CoreSetting.RUNNING_RELEASE.environmentVariable(), found, (given, more) -> given + "," + more);
        }
        return added;
    }
}
