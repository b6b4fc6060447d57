package dev.optamigrate.spring;

import dev.optamigrate.core.settings.Durations;
import dev.optamigrate.core.spi.ToolStatus;
import java.time.Duration;

/** Wait-only mode waited its whole timeout and the migrations this application expects are still pending. */
public final class SchemaWaitTimeout extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SchemaWaitTimeout(ToolStatus status, Duration timeout) {
        super("The schema still lacks what this application expects after waiting " + Durations.format(timeout)
                + ": " + SchemaWait.describe(status) + ". opta-migrate.wait-only is true, so this replica never "
                + "migrates.");
    }

    /** What to do next. */
    public String hint() {
        return "Run the migration for this release (for example `opta-migrate migrate --strategy job`, or one replica "
                + "without opta-migrate.wait-only), or raise opta-migrate.wait-timeout.";
    }
}
