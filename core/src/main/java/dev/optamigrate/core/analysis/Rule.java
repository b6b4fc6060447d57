package dev.optamigrate.core.analysis;

import java.util.Optional;

/**
 * The rules of {@code check}. Their ids are part of the interface: reports, suppressions and scripts use them.
 * Lock and rewrite rules are errors, changes that break the running release are warnings.
 */
public enum Rule {
    REWRITE_COLUMN_DEFAULT("rewrite-column-default", Severity.ERROR,
            "Adding a column with a volatile default (or any default before PostgreSQL 11) rewrites the table "
                    + "under ACCESS EXCLUSIVE",
            "Add the column without a default (or with a constant one on PostgreSQL 11+), set the default for new "
                    + "rows with ALTER COLUMN ... SET DEFAULT, then fill old rows in small batches."),
    REWRITE_COLUMN_TYPE("rewrite-column-type", Severity.ERROR,
            "Changing a column's type usually rewrites the table (and its indexes) under ACCESS EXCLUSIVE",
            "Add a column of the new type, write to both from the application, backfill in batches, then switch "
                    + "reads and drop the old column in a later release."),
    SCAN_SET_NOT_NULL("scan-set-not-null", Severity.ERROR,
            "SET NOT NULL scans the whole table under ACCESS EXCLUSIVE",
            "On PostgreSQL 12+: ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c; then "
                    + "SET NOT NULL skips the scan, and DROP CONSTRAINT c."),
    FK_WITHOUT_NOT_VALID("fk-without-not-valid", Severity.ERROR,
            "Adding a foreign key validates every row while it blocks writes to both tables",
            "ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE CONSTRAINT in a separate statement "
                    + "(it lets writes through)."),
    CHECK_WITHOUT_NOT_VALID("check-without-not-valid", Severity.ERROR,
            "Adding a CHECK constraint scans the whole table under ACCESS EXCLUSIVE",
            "ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT in a separate statement."),
    INDEX_NOT_CONCURRENT("index-not-concurrent", Severity.ERROR,
            "CREATE INDEX without CONCURRENTLY blocks writes to the table until the index is built",
            "CREATE INDEX CONCURRENTLY, outside a transaction (and check for an INVALID index if it fails)."),
    DROP_INDEX_NOT_CONCURRENT("drop-index-not-concurrent", Severity.ERROR,
            "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the index's table",
            "DROP INDEX CONCURRENTLY, outside a transaction."),
    CONSTRAINT_BUILDS_INDEX("constraint-builds-index", Severity.ERROR,
            "ADD PRIMARY KEY or UNIQUE builds its index while it blocks reads and writes",
            "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... PRIMARY KEY/UNIQUE USING INDEX."),
    TABLE_LOCK_MAINTENANCE("table-lock-maintenance", Severity.ERROR,
            "VACUUM FULL, CLUSTER, REINDEX without CONCURRENTLY and SET TABLESPACE lock the table for their "
                    + "whole run",
            "Use REINDEX CONCURRENTLY (PostgreSQL 12+); for VACUUM FULL, CLUSTER and SET TABLESPACE use an online "
                    + "tool such as pg_repack, or a maintenance window."),
    CONCURRENT_IN_TRANSACTION("concurrent-in-transaction", Severity.ERROR,
            "CONCURRENTLY cannot run inside a transaction block: the statement fails",
            "Run the CONCURRENTLY statement on its own, outside BEGIN ... COMMIT (with Liquibase: "
                    + "runInTransaction:false)."),
    TRANSACTION_CONTROL("transaction-control", Severity.ERROR,
            "A COMMIT or ROLLBACK in a migration that the tool runs in a transaction ends the tool's transaction: "
                    + "when a statement after it fails, what ran before stays, and the tool records nothing",
            "Drop the BEGIN/COMMIT and let the tool's transaction hold the migration; to commit in parts, split it "
                    + "into several migrations, or mark it non-transactional (Flyway: executeInTransaction=false in "
                    + "V<n>__name.sql.conf; Liquibase: runInTransaction:false; MyBatis: auto_commit=true)."),
    BREAKING_DROP_COLUMN("breaking-drop-column", Severity.WARNING,
            "Dropping a column breaks the release that still reads or writes it",
            "Stop using the column in one release, then drop it in the next."),
    BREAKING_DROP_TABLE("breaking-drop-table", Severity.WARNING,
            "Dropping a table breaks the release that still uses it",
            "Stop using the table in one release, then drop it in the next."),
    BREAKING_RENAME_COLUMN("breaking-rename-column", Severity.WARNING,
            "Renaming a column breaks the release that uses the old name",
            "Add the new column, write to both, backfill, switch reads, then drop the old column in a later "
                    + "release."),
    BREAKING_RENAME_TABLE("breaking-rename-table", Severity.WARNING,
            "Renaming a table breaks the release that uses the old name",
            "Rename, and leave a view with the old name (CREATE VIEW old AS SELECT * FROM new) until no release "
                    + "uses it."),
    BREAKING_NOT_NULL_WITHOUT_DEFAULT("breaking-not-null-without-default", Severity.WARNING,
            "A new NOT NULL column without a default fails on existing rows and breaks inserts of the running "
                    + "release",
            "Give the column a default, or add it nullable, backfill, and set NOT NULL later."),
    BREAKING_NARROW_TYPE("breaking-narrow-type", Severity.WARNING,
            "Narrowing a column's type (shorter, fewer digits, a smaller integer) breaks the release that still "
                    + "writes values that no longer fit",
            "Add a column of the new type beside the old one, keep both in step, backfill, retire the old column "
                    + "in one release and drop it in a later one (opta-migrate plan change-type writes the steps)."),
    BREAKING_DROP_NOT_NULL("breaking-drop-not-null", Severity.WARNING,
            "Dropping NOT NULL lets the new release write NULLs that the release still running does not expect",
            "Retire the column's old meaning first: release code that copes with NULL, mark it with "
                    + "-- opta-migrate:retire table.column, and drop NOT NULL in a later release."),
    CONTRACT_NOT_READY("contract-not-ready", Severity.ERROR,
            "Judged by migrate's contract gate: a contract migration runs before what it removes was retired by "
                    + "an earlier release and every server runs a release from the retirement on",
            "Retire it first (-- opta-migrate:retire table[.column] in a migration of an earlier release), and "
                    + "contract in a later release once no server runs a release older than the retirement."),
    LOCK_TIMEOUT_MISSING("lock-timeout-missing", Severity.INFO,
            "A statement that needs a strong lock waits behind long transactions, and everything queues behind it",
            "This statement runs without opta-migrate's lock guard (lock-timeout is 0, or another tool runs it): "
                    + "turn the guard on, or start the migration with SET lock_timeout = '1s' and retry it when it "
                    + "gives up, so that a blocked lock does not stall the table."),
    MEASURED_BLOCKING_LOCK("measured-blocking-lock", Severity.ERROR,
            "Measured by verify: a statement held a lock that blocks writes (or reads) on an existing table while "
                    + "it rewrote, scanned or indexed the whole table",
            "Use the rewrite the static finding on the same statement names; the estimate says how long the table "
                    + "would be blocked on the target."),
    SCHEMA_DRIFT("schema-drift", Severity.WARNING,
            "Measured by verify: the target's schema differs from what its applied migrations create",
            "Find out who changed the target by hand; add a migration that makes the change, or undo it on the "
                    + "target, so that migrations and target agree again."),
    REHEARSAL_FAILED("rehearsal-failed", Severity.ERROR,
            "Measured by verify: the migration fails on a copy of the target's schema",
            "Fix the statement named; it would fail on the target in the same way."),
    UNREADABLE_SQL("unreadable-sql", Severity.ERROR,
            "A string, quoted name, dollar quote or comment is never closed: the rest of the script cannot be "
                    + "read, so it cannot be checked, and PostgreSQL rejects it",
            "Close it where it should end (a dollar-quoted body needs the same tag at both ends, e.g. $body$ ... "
                    + "$body$)."),
    INVALID_SUPPRESSION("invalid-suppression", Severity.ERROR,
            "An opta-migrate:allow comment needs a known rule id and a reason",
            "Write -- opta-migrate:allow <rule-id> <why this is safe here>."),
    INVALID_MARKER("invalid-marker", Severity.ERROR,
            "An opta-migrate:phase or opta-migrate:retire comment cannot be read, so it counts for nothing",
            "Write -- opta-migrate:phase expand, -- opta-migrate:phase contract [table[.column]...] or "
                    + "-- opta-migrate:retire table[.column].");

    private final String id;
    private final Severity severity;
    private final String summary;
    private final String fix;

    Rule(String id, Severity severity, String summary, String fix) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
        this.fix = fix;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** What the rule is about, in one sentence. */
    public String summary() {
        return summary;
    }

    /** The safe way to do it. */
    public String fix() {
        return fix;
    }

    /** Whether only {@code verify} reports it, from what it measured on a shadow database. */
    public boolean measured() {
        return this == MEASURED_BLOCKING_LOCK || this == SCHEMA_DRIFT || this == REHEARSAL_FAILED;
    }

    /** Whether only {@code migrate} reports it, from the journal and the releases running (not from the SQL). */
    public boolean gated() {
        return this == CONTRACT_NOT_READY;
    }

    public static Optional<Rule> byId(String id) {
        for (Rule rule : values()) {
            if (rule.id.equals(id)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
