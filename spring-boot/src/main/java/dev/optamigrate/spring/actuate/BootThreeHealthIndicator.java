package dev.optamigrate.spring.actuate;

import dev.optamigrate.spring.MigrationStatusReport;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** Health {@code optaMigrate} on Spring Boot 3: up with the schema's status, down when it cannot be read. */
public final class BootThreeHealthIndicator extends AbstractHealthIndicator {
    private final MigrationStatusReport report;

    BootThreeHealthIndicator(MigrationStatusReport report) {
        super("opta-migrate could not read the schema's status");
        this.report = report;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetails(report.details());
    }
}
