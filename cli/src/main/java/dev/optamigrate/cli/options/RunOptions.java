package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a run that changes the schema behaves: lock wait, safety check, lock guard, contract gate, and what the
 * journal records.
 */
public final class RunOptions {
    @Mixin
    LockGuardOptions lockGuard = new LockGuardOptions();

    @Option(names = "--lock-wait", paramLabel = "DURATION", descriptionKey = "lock-wait")
    String lockWait;

    @Option(names = "--safety", paramLabel = "MODE", descriptionKey = "safety")
    String safety;

    @Mixin
    ReleaseOptions releases = new ReleaseOptions();

    @Option(names = "--operator", paramLabel = "NAME", descriptionKey = "operator")
    String operator;

    public void addTo(Map<Setting, String> flags) {
        flags.put(CoreSetting.LOCK_WAIT, lockWait);
        flags.put(CoreSetting.SAFETY, safety);
        releases.addTo(flags);
        flags.put(CoreSetting.OPERATOR, operator);
        lockGuard.addTo(flags);
    }
}
