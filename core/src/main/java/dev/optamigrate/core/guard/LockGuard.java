package dev.optamigrate.core.guard;

import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the engine keeps a migration from stalling the application's queries behind a lock it waits for: every
 * migration connection gets a short {@code lock_timeout}, a migration that gives up is run again on a
 * {@link RetrySchedule}, and the sessions that block it are reported (and, when asked, idle ones ended).
 *
 * @param lockTimeout       {@code lock_timeout} of every migration connection; zero turns the guard off
 * @param retries           how often a migration that gave up waiting runs again
 * @param firstPause        the pause before the first retry
 * @param statementTimeout  {@code statement_timeout} of every migration connection; zero for none
 * @param reportQueries     whether blockers are reported with the start of their query
 * @param cancelIdleBlockers end blocking sessions idle in a transaction for longer than this; empty for never
 */
public record LockGuard(Duration lockTimeout, int retries, Duration firstPause, Duration statementTimeout,
        boolean reportQueries, Optional<Duration> cancelIdleBlockers) {

    /** The defaults: 1 s lock timeout, 10 retries from a 1 s pause, queries reported, nobody ended. */
    public static final LockGuard DEFAULTS = new LockGuard(Duration.ofSeconds(1), 10, Duration.ofSeconds(1),
            Duration.ZERO, true, Optional.empty());

    public static LockGuard from(Settings settings) {
        return new LockGuard(settings.duration(CoreSetting.LOCK_TIMEOUT), settings.count(CoreSetting.LOCK_RETRIES),
                settings.duration(CoreSetting.LOCK_RETRY_PAUSE), settings.duration(CoreSetting.STATEMENT_TIMEOUT),
                settings.bool(CoreSetting.REPORT_QUERIES), CancelBlockers.parse(settings));
    }

    /** Whether migration connections wait for locks only {@link #lockTimeout} long. */
    public boolean enabled() {
        return !lockTimeout.isZero();
    }

    /**
     * The session settings of every migration connection, by name; empty when both are off, so that a server's or
     * role's own defaults stay in force.
     */
    public Map<String, String> sessionSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (enabled()) {
            settings.put("lock_timeout", String.valueOf(lockTimeout.toMillis()));
        }
        if (!statementTimeout.isZero()) {
            settings.put("statement_timeout", String.valueOf(statementTimeout.toMillis()));
        }
        return settings;
    }
}
