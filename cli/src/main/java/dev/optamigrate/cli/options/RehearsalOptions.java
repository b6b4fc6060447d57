package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The promotion gate: the environment this target is, the one its pending migrations must have succeeded on
 * first, where the proof comes from, and a reason to go without it.
 */
public final class RehearsalOptions {
    @Option(names = "--environment", paramLabel = "NAME", descriptionKey = "environment")
    String environment;

    @Option(names = "--require-rehearsal", paramLabel = "ENVIRONMENT", descriptionKey = "require-rehearsal")
    String requireRehearsal;

    @Option(names = "--rehearsal-url", paramLabel = "JDBC_URL", descriptionKey = "rehearsal-url")
    String rehearsalUrl;

    @Option(names = "--rehearsal-receipt", paramLabel = "FILE", descriptionKey = "rehearsal-receipt")
    String rehearsalReceipt;

    @Option(names = "--skip-rehearsal", paramLabel = "REASON", descriptionKey = "skip-rehearsal")
    String skipRehearsal;

    public void addTo(Map<Setting, String> flags) {
        flags.put(CoreSetting.ENVIRONMENT, environment);
        flags.put(CoreSetting.REQUIRE_REHEARSAL, requireRehearsal);
        flags.put(CoreSetting.REHEARSAL_URL, rehearsalUrl);
        flags.put(CoreSetting.REHEARSAL_RECEIPT, rehearsalReceipt);
        flags.put(CoreSetting.SKIP_REHEARSAL, skipRehearsal);
    }
}
