package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlScript;
import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The static check: reads the SQL of migrations, needs no database, and reports what would lock, rewrite or break
 * under the rules of {@link Rule}. A table a migration creates is new, and safe to change, within that migration;
 * when the migrations are read as one history ({@link #asOneHistory}), also in the later ones.
 *
 * <pre>{@code
 * CheckReport report = new StaticCheck(15).check(List.of(new MigrationScript("V2__index.sql", sql)));
 * }</pre>
 */
public final class StaticCheck {
    /** The PostgreSQL major version assumed when neither {@code --pg-version} nor a connected target says. */
    public static final int DEFAULT_PG_VERSION = 15;
    /** The oldest and newest PostgreSQL major versions whose locking the rules know. */
    public static final int OLDEST_PG_VERSION = 10;
    public static final int NEWEST_PG_VERSION = 18;

    private final int pgVersion;
    private final boolean oneRun;
    private final boolean lockGuarded;
    private final boolean style;

    /** A check of migrations each read on its own, e.g. files named on the command line. */
    public StaticCheck(int pgVersion) {
        this(pgVersion, false, false, false);
    }

    private StaticCheck(int pgVersion, boolean oneRun, boolean lockGuarded, boolean style) {
        this.pgVersion = pgVersion;
        this.oneRun = oneRun;
        this.lockGuarded = lockGuarded;
        this.style = style;
    }

    /**
     * This check for migrations that opta-migrate runs with its lock guard on ({@code lock-timeout} above 0):
     * {@code lock-timeout-missing} is then left out, since every migration connection has a lock timeout and a
     * migration that gives up is retried.
     *
     * @param guarded whether the lock guard is on; false keeps this check as it is
     */
    public StaticCheck underLockGuard(boolean guarded) {
        return new StaticCheck(pgVersion, oneRun, guarded, style);
    }

    /**
     * This check with the style rules ({@link Rule#style()}: {@code prefer-bigint} and the like) too, or without
     * them, as by default.
     */
    public StaticCheck withStyleRules(boolean on) {
        return new StaticCheck(pgVersion, oneRun, lockGuarded, on);
    }

    /**
     * A major version given by the user, checked to be one the rules know.
     *
     * @param source where it came from, e.g. {@code --pg-version}
     */
    public static int supportedVersion(int major, String source) {
        if (major < OLDEST_PG_VERSION || major > NEWEST_PG_VERSION) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, source + " " + major + " is not a PostgreSQL major "
                    + "version the rules know.", "Give one from " + OLDEST_PG_VERSION + " to " + NEWEST_PG_VERSION
                            + " (e.g. 16), or leave it out to use the target's own version.", null);
        }
        return major;
    }

    /**
     * A check of migrations read as one history, in the order the tool runs them (the pending migrations of one
     * run, or a whole migration set): what an earlier one creates is new for the later ones, and the column types
     * they set are known.
     */
    public static StaticCheck asOneHistory(int pgVersion) {
        return new StaticCheck(pgVersion, true, false, false);
    }

    public CheckReport check(List<MigrationScript> scripts) {
        return checkAfter(List.of(), scripts);
    }

    /**
     * Checks {@code scripts} after {@code appliedLongAgo} (in a check read {@link #asOneHistory as one history}),
     * which are read but not judged: the types they give columns are known, and what they create exists, with
     * data, so it is not new (for {@code check --changed-since}, which judges only what changed since a base).
     */
    public CheckReport checkAfter(List<MigrationScript> appliedLongAgo, List<MigrationScript> scripts) {
        History run = new History();
        run.applied(true);
        for (MigrationScript script : appliedLongAgo) {
            SqlScript parsed = SqlScript.parse(script.sql());
            findingsOf(parsed, new ScriptState(pgVersion, script.file(), script.transactional(), run));
        }
        run.applied(false);
        List<Finding> findings = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>();
        List<MigrationPhase> phases = new ArrayList<>();
        for (MigrationScript script : scripts) {
            SqlScript parsed = SqlScript.parse(script.sql());
            boolean transactional = script.transactional() && parsed.statements().stream()
                    .noneMatch(SqlStatement::runsOnlyOutsideTransaction);
            ScriptState state = new ScriptState(pgVersion, script.file(), transactional, oneRun ? run : new History());
            List<Finding> found = findingsOf(parsed, state).stream().filter(this::wanted).toList();
            Suppressions allowed = new Suppressions(parsed, script.file());
            PhaseMarkers markers = new PhaseMarkers(parsed, script.file());
            phases.add(phase(script.file(), state, markers, allowed));
            List<Finding> remaining = new ArrayList<>(allowed.remaining(found));
            remaining.addAll(markers.invalid());
            parsed.unterminated().ifPresent(open -> remaining.add(Finding.of(Rule.UNREADABLE_SQL,
                    new Finding.Location(script.file(), open.line(), open.opening()), open.describe())));
            remaining.sort(Comparator.comparingInt(Finding::line));
            findings.addAll(remaining);
            suppressions.addAll(allowed.accepted(found));
        }
        return new CheckReport(findings, suppressions, pgVersion, scripts.size(), phases);
    }

    private boolean wanted(Finding finding) {
        Rule rule = Rule.byId(finding.rule()).orElseThrow();
        return !(lockGuarded && rule == Rule.LOCK_TIMEOUT_MISSING) && (style || !rule.style());
    }

    /** The phase a comment declares, else contract when a rule found something removed or renamed. */
    private static MigrationPhase phase(String file, ScriptState state, PhaseMarkers markers,
            Suppressions allowed) {
        List<MigrationPhase.Contracted> contracts = new ArrayList<>(state.contracts());
        contracts.addAll(markers.declaredObjects());
        Phase phase = markers.declared().orElse(contracts.isEmpty() ? Phase.EXPAND : Phase.CONTRACT);
        return new MigrationPhase(file, phase, markers.declared().isPresent(), contracts, markers.retires(),
                allowed.reasons(Rule.CONTRACT_NOT_READY));
    }

    private static List<Finding> findingsOf(SqlScript script, ScriptState state) {
        List<StatementRules> rules = List.of(new SessionStatements(), new ConstraintDependencies(),
                new AlterTableRules(), new IndexRules(), new MaintenanceRules(), new DropTableRules(),
                new LockTimeoutRule(), new DatabaseObjectRules(), new DomainRules(), new ColumnTypeRules(),
                new IdempotenceRule(), new IdentifierLengthRule());
        for (SqlStatement statement : script.statements()) {
            state.startStatement(statement);
            rules.forEach(rule -> rule.inspect(statement, state));
        }
        SessionStatements.finished(state);
        return state.findings();
    }
}
