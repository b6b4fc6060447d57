package dev.optamigrate.core;

import dev.optamigrate.core.analysis.AllowList;
import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.Finding;
import dev.optamigrate.core.analysis.PendingScripts;
import dev.optamigrate.core.analysis.Rule;
import dev.optamigrate.core.analysis.SafetyMode;
import dev.optamigrate.core.analysis.Severity;
import dev.optamigrate.core.analysis.StaticCheck;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.PendingMigration;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the static check on what a migrate run is about to apply, for the server's own PostgreSQL version, and
 * reports each finding as an event; in {@link SafetyMode#BLOCK} an error-level finding stops the run before
 * anything is applied. Transaction control inside a transactional migration stops it in either mode: the tool
 * would report such a migration rolled back while part of it stays.
 */
final class SafetyGate {
    private SafetyGate() {
    }

    /**
     * The static check of what is pending, for the server's version: its findings, and each migration's phase.
     *
     * @param allowList   findings accepted in the config file
     * @param lockGuarded whether the lock guard runs the migrations (then lock-timeout-missing does not apply)
     */
    static CheckReport report(List<PendingMigration> pending, Connection connection, AllowList allowList,
            boolean lockGuarded) {
        return allowList.apply(StaticCheck.asOneHistory(PendingScripts.serverMajorVersion(connection))
                .underLockGuard(lockGuarded).check(PendingScripts.of(pending)));
    }

    /** Reports the findings as events, and refuses as the mode says. */
    static void check(SafetyMode mode, CheckReport report, EventListener events) {
        if (mode == SafetyMode.OFF) {
            return;
        }
        for (Finding finding : report.findings()) {
            events.on(new MigrationEvent.SafetyFinding(finding.rule(), finding.severity().label(), finding.file(),
                    finding.line(), finding.statement(), finding.message(), finding.fix()));
        }
        events.on(new MigrationEvent.SafetyChecked(report.migrations(), report.pgVersion(), report.findings().size()));
        List<Finding> transactionControl = report.findings().stream()
                .filter(finding -> finding.rule().equals(Rule.TRANSACTION_CONTROL.id())).toList();
        if (!transactionControl.isEmpty()) {
            throw new MigrateException(CoreErrorCode.INVALID_MIGRATIONS, "A migration that runs in a transaction "
                    + "commits it itself, and more statements follow: " + transactionControl.stream()
                            .map(finding -> finding.file() + ":" + finding.line()).collect(Collectors.joining(", "))
                    + ". If one of them failed, the part before the COMMIT would stay applied and unrecorded, so "
                    + "nothing was applied.", Rule.TRANSACTION_CONTROL.fix(), null);
        }
        if (mode == SafetyMode.BLOCK && report.failsAt(Severity.ERROR)) {
            throw new MigrateException(CoreErrorCode.UNSAFE_MIGRATION, "The safety check found "
                    + report.count(Severity.ERROR) + " error-level finding(s) in the pending migrations, and "
                    + "safety is block: nothing was applied.", null);
        }
    }
}
