package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import java.util.Map;
import picocli.CommandLine.Option;

/** The lock guard: how long a migration statement waits for a table lock, and what happens when it gives up. */
public final class LockGuardOptions {
    @Option(names = "--lock-timeout", paramLabel = "DURATION", descriptionKey = "lock-timeout")
    String lockTimeout;

    @Option(names = "--lock-retries", paramLabel = "N", descriptionKey = "lock-retries")
    String lockRetries;

    @Option(names = "--lock-retry-pause", paramLabel = "DURATION", descriptionKey = "lock-retry-pause")
    String lockRetryPause;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", descriptionKey = "statement-timeout")
    String statementTimeout;

    @Option(names = "--report-queries", paramLabel = "BOOLEAN", descriptionKey = "report-queries")
    String reportQueries;

    @Option(names = "--cancel-blockers", paramLabel = "RULE", descriptionKey = "cancel-blockers")
    String cancelBlockers;

    void addTo(Map<Setting, String> flags) {
        flags.put(CoreSetting.LOCK_TIMEOUT, lockTimeout);
        flags.put(CoreSetting.LOCK_RETRIES, lockRetries);
        flags.put(CoreSetting.LOCK_RETRY_PAUSE, lockRetryPause);
        flags.put(CoreSetting.STATEMENT_TIMEOUT, statementTimeout);
        flags.put(CoreSetting.REPORT_QUERIES, reportQueries);
        flags.put(CoreSetting.CANCEL_BLOCKERS, cancelBlockers);
    }
}
