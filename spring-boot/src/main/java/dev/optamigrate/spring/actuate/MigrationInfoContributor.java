package dev.optamigrate.spring.actuate;

import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.spring.MigrationStatusReport;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/** Actuator's info gains {@code optaMigrate}: the schema's status, or why it cannot be read. */
public final class MigrationInfoContributor implements InfoContributor {
    private final MigrationStatusReport report;

    MigrationInfoContributor(MigrationStatusReport report) {
        this.report = report;
    }

    @Override
    public void contribute(Info.Builder builder) {
        try {
            builder.withDetail("optaMigrate", report.details());
        } catch (MigrateException e) {
            builder.withDetail("optaMigrate", Map.of("error", e.getMessage()));
        }
    }
}
