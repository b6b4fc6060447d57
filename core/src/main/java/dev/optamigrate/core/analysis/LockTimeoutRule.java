package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;

/**
 * {@code lock-timeout-missing}: the first statement of a migration that needs a strong lock on an existing
 * table, when no lock timeout was set before it. Reported once per migration, as information.
 */
final class LockTimeoutRule implements StatementRules {
    @Override
    public void inspect(SqlStatement statement, ScriptState state) {
        boolean reported = state.findings().stream()
                .anyMatch(finding -> finding.rule().equals(Rule.LOCK_TIMEOUT_MISSING.id()));
        if (!reported && state.takesStrongLock() && !state.hasLockTimeout()) {
            state.report(Rule.LOCK_TIMEOUT_MISSING, "No lock_timeout is set before this statement: if a long "
                    + "transaction holds the table, it waits for it, and every query on the table queues behind.");
        }
    }
}
