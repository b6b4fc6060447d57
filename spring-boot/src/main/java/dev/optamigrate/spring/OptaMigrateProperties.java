package dev.optamigrate.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own properties. Every engine setting is also read as {@code opta-migrate.<setting>} (for example
 * {@code opta-migrate.lock-wait}, {@code opta-migrate.safety}, {@code opta-migrate.release}): see the README's
 * configuration reference.
 */
@ConfigurationProperties(prefix = OptaMigrateProperties.PREFIX)
public class OptaMigrateProperties {
    /** The prefix of every property the starter reads. */
    public static final String PREFIX = "opta-migrate";

    /** Whether the starter migrates at start-up; false hands the migration back to Spring Boot. */
    private boolean enabled = true;
    /** Whether this replica never migrates and only waits until another process has applied the migrations. */
    private boolean waitOnly;
    /** In wait-only mode, how long to wait for the schema before the application fails to start. */
    private Duration waitTimeout = Duration.ofMinutes(10);
    /** How long the migration may take before a warning says it belongs in a Job (health checks may kill it). */
    private Duration startupBudget = Duration.ofSeconds(30);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isWaitOnly() {
        return waitOnly;
    }

    public void setWaitOnly(boolean waitOnly) {
        this.waitOnly = waitOnly;
    }

    public Duration getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(Duration waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public Duration getStartupBudget() {
        return startupBudget;
    }

    public void setStartupBudget(Duration startupBudget) {
        this.startupBudget = startupBudget;
    }
}
