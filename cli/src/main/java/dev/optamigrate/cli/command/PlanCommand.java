package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.core.plan.PlanOperation;
import dev.optamigrate.core.plan.PlanOperations;
import dev.optamigrate.core.tool.MigrationTools;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes the safe sequence of migrations for a change that would lock a busy table or break a running release. */
@Command(name = "plan", description = {
    "Write the safe sequence of migrations for a schema change, in the tool's own format (Flyway V files, "
            + "Liquibase formatted-SQL changesets included from the master changelog, MyBatis scripts with their "
            + "undo), each step assigned to the release it ships with.",
    "",
    "It prints the whole plan and writes the migrations of one release (--step, 1 by default): write the next "
            + "release's with --step 2 when that release is built, so that the contract gate sees each in its "
            + "release. Every step passes `check` for --pg-version. A backfill runs in batches (--batch-size rows "
            + "per transaction, --batch-pause between them), walks the table by --key, and starts again where it "
            + "stopped after a kill; it needs PostgreSQL 11+, and MyBatis needs auto_commit=true for it.",
    "",
    "Examples:",
    "%n  opta-migrate plan rename-column orders.legacy_status status --type text --location db/migration",
    "%n  opta-migrate plan rename-column orders.legacy_status status --type text --location db/migration --step 2",
    "%n  opta-migrate plan change-type orders.quantity bigint --into quantity_big --location db/changelog",
    "%n  opta-migrate plan add-not-null orders.status --default \"'pending'\" --location db/migration",
    "%n  opta-migrate plan add-foreign-key orders.customer_id \"customers(id)\" --location db/migration",
    "%n  opta-migrate plan add-unique \"customers(tenant_id,email)\" --location db/migration",
    "%n  opta-migrate plan drop-column orders.legacy_status --location db/migration",
    "",
    "JSON (--output json): {\"operation\", \"pgVersion\", \"tool\", \"step\", \"releases\": [{\"release\", \"note\", "
            + "\"steps\": [{\"name\", \"purpose\", \"transactional\"}]}], \"written\": [...]}.",
    ""},
        subcommands = {PlanCommand.RenameColumn.class, PlanCommand.ChangeType.class, PlanCommand.AddNotNull.class,
            PlanCommand.AddForeignKey.class, PlanCommand.AddUnique.class, PlanCommand.DropColumn.class})
public final class PlanCommand {

    @Command(name = "rename-column", description = "Rename T.a to b through a new column: add b, keep both in "
            + "step with a trigger, backfill (release 1); retire a (release 2); drop the trigger and a (release 3).")
    static final class RenameColumn extends PlanRun {
        @Parameters(index = "0", paramLabel = "TABLE.COLUMN", description = "The column to rename.")
        String column;

        @Parameters(index = "1", paramLabel = "NEW_NAME", description = "Its new name.")
        String newName;

        @Option(names = "--type", required = true, paramLabel = "TYPE", description = "The column's type, which "
                + "the new column gets, e.g. text or varchar(40) (psql's \\d TABLE shows it).")
        String type;

        @Inject
        RenameColumn(CliEnvironment environment, MigrationTools tools) {
            super(environment, tools);
        }

        @Override
        PlanOperation operation() {
            return PlanOperations.renameColumn(column, newName, type);
        }
    }

    @Command(name = "change-type", description = "Change T.a to TYPE through a new column, in the same three "
            + "releases as rename-column; the new column keeps its own name.")
    static final class ChangeType extends PlanRun {
        @Parameters(index = "0", paramLabel = "TABLE.COLUMN", description = "The column.")
        String column;

        @Parameters(index = "1", paramLabel = "TYPE", description = "The new type, e.g. bigint.")
        String type;

        @Option(names = "--into", paramLabel = "NAME", description = "The new column's name. Default: <column>_new.")
        String into;

        @Inject
        ChangeType(CliEnvironment environment, MigrationTools tools) {
            super(environment, tools);
        }

        @Override
        PlanOperation operation() {
            return PlanOperations.changeType(column, type, into);
        }
    }

    @Command(name = "add-not-null", description = "Make T.a NOT NULL without a long lock: a NOT VALID check, a "
            + "backfill of the NULLs with --default, VALIDATE, then SET NOT NULL and drop the check (PostgreSQL 12+; "
            + "before, the validated check stays).")
    static final class AddNotNull extends PlanRun {
        @Parameters(index = "0", paramLabel = "TABLE.COLUMN", description = "The column.")
        String column;

        @Option(names = "--default", paramLabel = "SQL", description = "The value for new rows that leave it out "
                + "and for the backfill, as SQL, e.g. \"'pending'\" or 0. Without it, fill the NULLs first.")
        String defaultValue;

        @Inject
        AddNotNull(CliEnvironment environment, MigrationTools tools) {
            super(environment, tools);
        }

        @Override
        PlanOperation operation() {
            return PlanOperations.addNotNull(column, defaultValue);
        }
    }

    @Command(name = "add-foreign-key", description = "Add a foreign key from T.a: its index CONCURRENTLY, the key "
            + "NOT VALID, then VALIDATE in its own migration.")
    static final class AddForeignKey extends PlanRun {
        @Parameters(index = "0", paramLabel = "TABLE.COLUMN", description = "The referencing column.")
        String column;

        @Parameters(index = "1", paramLabel = "TABLE(COLUMN)", description = "The referenced column, e.g. "
                + "customers(id).")
        String references;

        @Inject
        AddForeignKey(CliEnvironment environment, MigrationTools tools) {
            super(environment, tools);
        }

        @Override
        PlanOperation operation() {
            return PlanOperations.addForeignKey(column, references);
        }
    }

    @Command(name = "add-unique", description = "Add a unique constraint: the unique index CONCURRENTLY, then ADD "
            + "CONSTRAINT ... USING INDEX.")
    static final class AddUnique extends PlanRun {
        @Parameters(index = "0", paramLabel = "TABLE(COLUMN,...)", description = "The table and its columns, e.g. "
                + "customers(tenant_id,email).")
        String tableColumns;

        @Inject
        AddUnique(CliEnvironment environment, MigrationTools tools) {
            super(environment, tools);
        }

        @Override
        PlanOperation operation() {
            return PlanOperations.addUnique(tableColumns);
        }
    }

    @Command(name = "drop-column", description = "Drop T.a: retire it with the release that stops using it "
            + "(release 1), drop it in a later one (release 2).")
    static final class DropColumn extends PlanRun {
        @Parameters(index = "0", paramLabel = "TABLE.COLUMN", description = "The column.")
        String column;

        @Inject
        DropColumn(CliEnvironment environment, MigrationTools tools) {
            super(environment, tools);
        }

        @Override
        PlanOperation operation() {
            return PlanOperations.dropColumn(column);
        }
    }
}
