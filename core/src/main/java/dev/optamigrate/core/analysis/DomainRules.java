package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.TokenCursor;

/**
 * {@code ALTER DOMAIN}: a new CHECK without NOT VALID, or SET NOT NULL, checks every value of every column that
 * uses the domain, in every table.
 */
final class DomainRules implements StatementRules {

    @Override
    public void inspect(SqlStatement statement, ScriptState state) {
        TokenCursor cursor = statement.cursor();
        if (!cursor.acceptAll("alter", "domain")) {
            return;
        }
        String domain = cursor.name().orElse("?");
        if (cursor.accept("add")) {
            if (!TableConstraintRules.notValid(statement.tokens())) {
                state.strongLock();
                state.report(Rule.DOMAIN_CONSTRAINT, "The new constraint of domain " + domain + " is checked "
                        + "against every column of that domain, in every table, while writes to them wait.");
            }
        } else if (cursor.acceptAll("set", "not", "null")) {
            state.strongLock();
            state.report(Rule.DOMAIN_CONSTRAINT, "SET NOT NULL on domain " + domain + " reads every column of "
                    + "that domain, in every table, while writes to them wait; a CHECK (VALUE IS NOT NULL) NOT VALID, "
                    + "validated later, does the same without the wait.");
        }
    }
}
