package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;

/** A family of rules that looks at one kind of statement and reports into the script's state. */
interface StatementRules {

    void inspect(SqlStatement statement, ScriptState state);
}
