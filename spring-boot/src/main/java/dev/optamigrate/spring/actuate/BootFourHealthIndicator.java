package dev.optamigrate.spring.actuate;

import dev.optamigrate.spring.MigrationStatusReport;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Health {@code optaMigrate} on Spring Boot 4: up with the schema's status, down when it cannot be read. */
public final class BootFourHealthIndicator extends AbstractHealthIndicator {
    private final MigrationStatusReport report;

    BootFourHealthIndicator(MigrationStatusReport report) {
        super("opta-migrate could not read the schema's status");
        this.report = report;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetails(report.details());
    }
}
