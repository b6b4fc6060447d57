package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlScript;
import dev.optamigrate.core.analysis.sql.SqlStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The static check: reads the SQL of migrations, needs no database, and reports what would lock, rewrite or break
 * under the rules of {@link Rule}. Each migration is read on its own: a table it creates is new (and safe to
 * change) within it.
 *
 * <pre>{@code
 * CheckReport report = new StaticCheck(15).check(List.of(new MigrationScript("V2__index.sql", sql)));
 * }</pre>
 */
public final class StaticCheck {
    /** The PostgreSQL major version assumed when neither {@code --pg-version} nor a connected target says. */
    public static final int DEFAULT_PG_VERSION = 15;

    private final int pgVersion;

    public StaticCheck(int pgVersion) {
        this.pgVersion = pgVersion;
    }

    public CheckReport check(List<MigrationScript> scripts) {
        List<Finding> findings = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>();
        for (MigrationScript script : scripts) {
            SqlScript parsed = SqlScript.parse(script.sql());
            List<Finding> found = findingsOf(parsed, script.file());
            Suppressions allowed = new Suppressions(parsed, script.file());
            List<Finding> remaining = new ArrayList<>(allowed.remaining(found));
            remaining.sort(Comparator.comparingInt(Finding::line));
            findings.addAll(remaining);
            suppressions.addAll(allowed.accepted(found));
        }
        return new CheckReport(findings, suppressions, pgVersion);
    }

    private List<Finding> findingsOf(SqlScript script, String file) {
        List<StatementRules> rules = List.of(new SessionStatements(), new AlterTableRules(), new IndexRules(),
                new MaintenanceRules(), new DropTableRules(), new LockTimeoutRule());
        ScriptState state = new ScriptState(pgVersion, file);
        for (SqlStatement statement : script.statements()) {
            state.startStatement(statement);
            rules.forEach(rule -> rule.inspect(statement, state));
        }
        return state.findings();
    }
}
