package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a check knows while it reads one migration, statement after statement: which tables and indexes the
 * migration itself created (changes to those are safe, they are empty), whether an explicit transaction is open
 * and which constraints it added NOT VALID, whether a lock timeout was set, and the findings so far.
 */
final class ScriptState {
    private final int pgVersion;
    private final String file;
    private final boolean transactional;
    private final History history;
    private final Set<String> notValidInTransaction = new HashSet<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<MigrationPhase.Contracted> contracts = new ArrayList<>();
    private boolean inTransaction;
    private SqlStatement transactionOpenedBy;
    private Integer transactionEndedAt;
    private boolean lockTimeoutSet;
    private boolean strongLockInStatement;
    private SqlStatement statement;

    /**
     * @param transactional whether the tool runs the migration in one transaction
     * @param history       what this migration and the ones before it in the same history created
     */
    ScriptState(int pgVersion, String file, boolean transactional, History history) {
        this.pgVersion = pgVersion;
        this.file = file;
        this.transactional = transactional;
        this.history = history;
    }

    int pgVersion() {
        return pgVersion;
    }

    void startStatement(SqlStatement next) {
        statement = next;
        strongLockInStatement = false;
    }

    SqlStatement statement() {
        return statement;
    }

    void report(Rule rule, String message) {
        findings.add(Finding.of(rule, new Finding.Location(file, statement.line(), statement.compactText()),
                message));
    }

    /**
     * Reports a change that breaks an older release, and records what it removes or renames: the migration is a
     * contract on it.
     *
     * @param object {@code table} or {@code table.column}
     */
    void reportContract(Rule rule, String object, String message) {
        report(rule, message);
        contracted(object);
    }

    /** Records that this statement removes or renames the object, reported by the caller. */
    void contracted(String object) {
        contracts.add(new MigrationPhase.Contracted(object, statement.line(), statement.compactText()));
    }

    /** What the statements read so far remove or rename. */
    List<MigrationPhase.Contracted> contracts() {
        return contracts;
    }

    /** Reports the rule at this statement unless this migration already has a finding of it. */
    void reportOnce(Rule rule, String message) {
        if (findings.stream().noneMatch(finding -> finding.rule().equals(rule.id()))) {
            report(rule, message);
        }
    }

    /** Whether the tool runs this migration in one transaction. */
    boolean transactional() {
        return transactional;
    }

    /** A COMMIT or ROLLBACK of the migration's own ended the tool's transaction at this statement's line. */
    void transactionEnded() {
        if (transactionEndedAt == null) {
            transactionEndedAt = statement.line();
        }
    }

    /** The line where the migration first ended the tool's transaction, if it did. */
    Integer transactionEndedAt() {
        return transactionEndedAt;
    }

    List<Finding> findings() {
        return findings;
    }

    void tableCreated(String table) {
        history.tableCreated(table);
    }

    /**
     * Whether the table was created earlier in this migration (or in this run), so it is still empty and no
     * running release uses it.
     */
    boolean isNew(String table) {
        return history.isNew(table);
    }

    /** The column got this type from a statement read so far. */
    void columnTyped(String table, String column, ColumnType type) {
        history.columnTyped(table, column, type);
    }

    /** The type a statement read so far gave the column, if one did. */
    Optional<ColumnType> columnType(String table, String column) {
        return history.columnType(table, column);
    }

    /** An index on a table this migration created. */
    void indexCreated(String index) {
        history.indexCreated(index);
    }

    /**
     * Whether the index is named as PostgreSQL names the indexes it creates for a table's constraints and
     * {@code CREATE INDEX} without a name ({@code <table>_pkey}, {@code <table>_<column>_key},
     * {@code <table>_<column>_idx}), for a table created in this history: such an index is new too.
     */
    boolean namedForNewTable(String index) {
        return history.isNewTablePrefix(index);
    }

    boolean isNewIndex(String index) {
        return history.isNewIndex(index);
    }

    void transaction(boolean open) {
        inTransaction = open;
        transactionOpenedBy = open ? statement : null;
        notValidInTransaction.clear();
    }

    /** The BEGIN of the explicit transaction block still open, if one is. */
    Optional<SqlStatement> openTransaction() {
        return Optional.ofNullable(transactionOpenedBy);
    }

    /** Reports a finding at an earlier statement of this migration. */
    void reportAt(SqlStatement at, Rule rule, String message) {
        findings.add(Finding.of(rule, new Finding.Location(file, at.line(), at.compactText()), message));
    }

    /**
     * A constraint added NOT VALID: while the transaction that added it is open, validating it scans under the
     * ADD's lock. In a migration that runs statement by statement outside a block, each commits on its own.
     */
    void addedNotValid(String constraint) {
        if (transactional || inTransaction) {
            notValidInTransaction.add(constraint);
        }
    }

    /** Whether the constraint was added NOT VALID in the transaction still open. */
    boolean addedNotValidInThisTransaction(String constraint) {
        return notValidInTransaction.contains(constraint);
    }

    void schemaCreated(String schema) {
        history.schemaCreated(schema);
    }

    boolean isNewSchema(String schema) {
        return history.isNewSchema(schema);
    }

    boolean inTransaction() {
        return inTransaction;
    }

    void lockTimeoutSet() {
        lockTimeoutSet = true;
    }

    boolean hasLockTimeout() {
        return lockTimeoutSet;
    }

    /** The current statement takes a lock that blocks the table's writes (or more) on an existing table. */
    void strongLock() {
        strongLockInStatement = true;
    }

    boolean takesStrongLock() {
        return strongLockInStatement;
    }

    /** A {@code CHECK (column IS NOT NULL)} constraint named {@code constraint}, validated or not yet. */
    void notNullCheck(String constraint, String table, String column, boolean validated) {
        history.notNullCheck(constraint, table + "." + column, validated);
    }

    void validated(String constraint) {
        history.validated(constraint);
    }

    /** Whether a validated {@code CHECK (column IS NOT NULL)} lets SET NOT NULL skip its scan. */
    boolean hasValidatedNotNullCheck(String table, String column) {
        return pgVersion >= 12 && history.hasValidatedNotNullCheck(table + "." + column);
    }

    /** The constraints the migrations read so far declared. */
    ConstraintCatalog constraints() {
        return history.constraints();
    }
}
