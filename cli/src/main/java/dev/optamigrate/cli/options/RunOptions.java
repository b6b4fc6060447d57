package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a run that changes the schema behaves: lock wait, safety check, lock guard, contract gate, promotion gate,
 * standby and maintenance windows, and what the journal records.
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

    @Mixin
    RehearsalOptions rehearsal = new RehearsalOptions();

    @Option(names = "--operator", paramLabel = "NAME", descriptionKey = "operator")
    String operator;

    @Option(names = "--standby", paramLabel = "NAME", descriptionKey = "standby")
    String standby;

    @Option(names = "--outside-window", paramLabel = "REASON", descriptionKey = "outside-window")
    String outsideWindow;

    @Option(names = "--estimate-from", paramLabel = "FILE", descriptionKey = "estimate-from")
    String estimateFrom;

    public void addTo(Map<Setting, String> flags) {
        flags.put(CoreSetting.LOCK_WAIT, lockWait);
        flags.put(CoreSetting.SAFETY, safety);
        releases.addTo(flags);
        rehearsal.addTo(flags);
        flags.put(CoreSetting.OPERATOR, operator);
        flags.put(CoreSetting.STANDBY, standby);
        flags.put(CoreSetting.OUTSIDE_WINDOW, outsideWindow);
        flags.put(CoreSetting.ESTIMATE_FROM, estimateFrom);
        lockGuard.addTo(flags);
    }
}
