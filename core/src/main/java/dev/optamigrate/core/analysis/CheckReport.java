package dev.optamigrate.core.analysis;

import java.util.List;

/**
 * What a check found.
 *
 * @param findings     the findings that count, in file and line order
 * @param suppressions the findings the migrations accept on purpose, with their reasons
 * @param pgVersion    the PostgreSQL major version the check assumed
 * @param migrations   how many migrations it read
 * @param phases       each migration's phase, in the order read
 */
public record CheckReport(List<Finding> findings, List<Suppression> suppressions, int pgVersion, int migrations,
        List<MigrationPhase> phases) {

    public CheckReport {
        findings = List.copyOf(findings);
        suppressions = List.copyOf(suppressions);
        phases = List.copyOf(phases);
    }

    /** This report with other findings and accepted findings (placed elsewhere, or accepted by a list). */
    public CheckReport with(List<Finding> otherFindings, List<Suppression> otherSuppressions) {
        return new CheckReport(otherFindings, otherSuppressions, pgVersion, migrations, phases);
    }

    /** Whether a finding at or above {@code threshold} remains. */
    public boolean failsAt(Severity threshold) {
        return findings.stream().anyMatch(finding -> finding.severity().atLeast(threshold));
    }

    public long count(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).count();
    }
}
