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
    TYPE_CHANGE_RECHECKS_CONSTRAINTS("type-change-rechecks-constraints", Severity.ERROR,
            "Changing a column's type checks its constraints again: a CHECK on it reads every row even when the "
                    + "type only widens, and a foreign key on a rewritten column is validated again under ACCESS "
                    + "EXCLUSIVE",
            "Drop the constraint in the same statement as the type change (ALTER TABLE t DROP CONSTRAINT c, ALTER "
                    + "COLUMN ... TYPE ...), add it back NOT VALID, and VALIDATE CONSTRAINT in the next migration; "
                    + "for a key that foreign keys reference, add a column of the new type instead (expand and "
                    + "contract)."),
    SCAN_SET_NOT_NULL("scan-set-not-null", Severity.ERROR,
            "SET NOT NULL scans the whole table under ACCESS EXCLUSIVE",
            "On PostgreSQL 12+: ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; in the next migration "
                    + "VALIDATE CONSTRAINT c, then SET NOT NULL skips the scan, and DROP CONSTRAINT c."),
    FK_WITHOUT_NOT_VALID("fk-without-not-valid", Severity.ERROR,
            "Adding a foreign key validates every row while it blocks writes to both tables",
            "ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE CONSTRAINT in the next migration "
                    + "(it lets writes through once the ADD has committed)."),
    CHECK_WITHOUT_NOT_VALID("check-without-not-valid", Severity.ERROR,
            "Adding a CHECK constraint scans the whole table under ACCESS EXCLUSIVE",
            "ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT in the next migration."),
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
    VALIDATE_IN_SAME_TRANSACTION("validate-in-same-transaction", Severity.ERROR,
            "VALIDATE CONSTRAINT in the same transaction as the ADD ... NOT VALID scans the table while the ADD's "
                    + "strong lock is still held, so NOT VALID gains nothing",
            "Commit between the two: put VALIDATE CONSTRAINT in the next migration (or, in a migration that runs "
                    + "outside a transaction, after the COMMIT of the ADD)."),
    UNIQUE_MAY_FAIL("unique-may-fail", Severity.INFO,
            "A unique index or constraint on existing rows fails if they hold duplicates (and a failed "
                    + "CONCURRENTLY build leaves an INVALID index behind)",
            "Look for duplicates first, e.g. SELECT col, count(*) FROM t GROUP BY col HAVING count(*) > 1, and "
                    + "clean them up in an earlier migration."),
    DETACH_PARTITION_NOT_CONCURRENT("detach-partition-not-concurrent", Severity.ERROR,
            "DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the partitioned table",
            "On PostgreSQL 14+: ALTER TABLE parent DETACH PARTITION child CONCURRENTLY, outside a transaction."),
    TRUNCATE_CASCADE("truncate-cascade", Severity.ERROR,
            "TRUNCATE ... CASCADE also empties every table with a foreign key to the named ones, and theirs",
            "Name every table to empty, without CASCADE, so that the statement fails instead of emptying one you "
                    + "did not name."),
    DROP_DATABASE("drop-database", Severity.ERROR,
            "DROP DATABASE deletes a whole database, and cannot run in a transaction to be rolled back",
            "Drop databases by hand, deliberately, never from a migration."),
    DROP_SCHEMA("drop-schema", Severity.ERROR,
            "DROP SCHEMA deletes everything in the schema (with CASCADE, whatever depends on it too)",
            "Drop the schema's tables one by one in a later release, once no release uses them; drop the empty "
                    + "schema last, without CASCADE."),
    BREAKING_RENAME_SCHEMA("breaking-rename-schema", Severity.WARNING,
            "Renaming a schema breaks the release that names it (and its search_path)",
            "Create the new schema and move the objects in steps, or rename in a release window when no running "
                    + "release uses the old name."),
    BREAKING_RENAME_ENUM_VALUE("breaking-rename-enum-value", Severity.WARNING,
            "Renaming an enum value breaks the release that still writes or compares the old value",
            "Add the new value (ALTER TYPE ... ADD VALUE), move the rows and the code to it, and retire the old "
                    + "value in a later release."),
    DOMAIN_CONSTRAINT("domain-constraint", Severity.ERROR,
            "Adding a CHECK or NOT NULL to a domain checks every column that uses the domain, in every table, "
                    + "under locks that block writes",
            "ALTER DOMAIN ... ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a separate migration."),
    NOT_IDEMPOTENT("not-idempotent", Severity.INFO,
            "In a migration that runs outside a transaction, a statement without IF [NOT] EXISTS fails when the "
                    + "lock guard retries it after an earlier attempt got that far",
            "Write CREATE ... IF NOT EXISTS, ADD COLUMN IF NOT EXISTS, DROP ... IF EXISTS."),
    UNCOMMITTED_TRANSACTION("uncommitted-transaction", Severity.ERROR,
            "A BEGIN that the migration never commits, in a migration that runs outside the tool's transaction: "
                    + "what follows it is neither committed nor rolled back by the migration, and its locks stay held",
            "End the block with COMMIT, or drop the BEGIN."),
    NESTED_TRANSACTION("nested-transaction", Severity.WARNING,
            "BEGIN inside an open transaction block is ignored (PostgreSQL only warns), so the first COMMIT ends "
                    + "both and what follows runs outside the block",
            "Use one BEGIN ... COMMIT, or SAVEPOINT for a part that may roll back on its own."),
    IDENTIFIER_TOO_LONG("identifier-too-long", Severity.WARNING,
            "A name longer than 63 bytes is cut to 63 without an error, so two names may become one and later "
                    + "statements that use the full name fail",
            "Choose a name of at most 63 bytes."),
    JSON_COLUMN("json-column", Severity.INFO,
            "A json column stores text: it cannot be indexed with GIN, compared or deduplicated, and is parsed on "
                    + "every read",
            "Use jsonb, unless the exact text (key order, duplicate keys, white space) must be kept."),
    PREFER_BIGINT("prefer-bigint", Severity.WARNING,
            "Style: an integer (or serial) key runs out at 2,147,483,647, and widening it later rewrites the table",
            "Use bigint (or bigserial, or bigint GENERATED ... AS IDENTITY)."),
    PREFER_TIMESTAMPTZ("prefer-timestamptz", Severity.WARNING,
            "Style: timestamp without time zone stores no zone, so its values change meaning with the session's",
            "Use timestamptz."),
    PREFER_TEXT("prefer-text", Severity.WARNING,
            "Style: varchar(n) limits length with no gain in storage or speed, and raising the limit takes a lock",
            "Use text, with a CHECK (length(col) <= n) where a limit matters."),
    PREFER_IDENTITY("prefer-identity", Severity.WARNING,
            "Style: serial makes a sequence the column does not own in the SQL standard's way, and lets inserts "
                    + "bypass it",
            "Use GENERATED ALWAYS AS IDENTITY (bigint)."),
    BAN_CHAR("ban-char", Severity.WARNING,
            "Style: char(n) pads with spaces and compares in surprising ways",
            "Use text (or varchar(n))."),
    MODIFIED_APPLIED_MIGRATION("modified-applied-migration", Severity.ERROR,
            "Judged by check --changed-since: a migration that existed at the base changed since, though the "
                    + "databases that applied it ran the old text",
            "Restore the file as it was at the base, and put the change in a new migration."),
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

    /** Whether it is a matter of style, off unless asked for ({@code check --rules style}). */
    public boolean style() {
        return this == PREFER_BIGINT || this == PREFER_TIMESTAMPTZ || this == PREFER_TEXT || this == PREFER_IDENTITY
                || this == BAN_CHAR;
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
