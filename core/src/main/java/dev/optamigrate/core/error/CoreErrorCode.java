package dev.optamigrate.core.error;

import dev.optamigrate.core.settings.CoreSetting;

/**
 * The engine's error codes: the ways a run fails wherever it runs, and the codes every strategy passes on.
 * The exit codes are part of the command-line interface: scripts may rely on them.
 */
public enum CoreErrorCode implements ErrorCode {
    MIGRATION_FAILED(1, "a migration failed",
            "A migration failed and was rolled back where PostgreSQL allows it. Fix the migration "
            + "(or the data it trips over) and run again; `status` shows where the schema stands."),
    CONFIGURATION(2, "bad usage or configuration (flag, variable, config file, location, tool or strategy)",
            "Check the flags, the OPTA_MIGRATE_* environment variables and opta-migrate.yaml; "
            + "`opta-migrate <verb> --help` lists every setting."),
    CANNOT_CONNECT(3, "cannot reach the database (refused, unresolvable, timed out, no such database), or lost it "
            + "mid-run",
            "Check host, port and database name, and that this machine can reach the database "
            + "(VPN, tunnel, firewall, security group)."),
    AUTHENTICATION_FAILED(4, "the database refused the user or password",
            "Check the user and the password source (OPTA_MIGRATE_PASSWORD, " + CoreSetting.PASSWORD_FILE.names() + " "
            + "or the Opta DBPASS variable)."),
    LOCK_TIMEOUT(5, "gave up waiting for the migration lock",
            "Another migration holds the lock. Wait for it to finish, or raise " + CoreSetting.LOCK_WAIT.names()
                    + "; if its "
            + "process is gone, PostgreSQL frees the lock as soon as it notices the dead session."),
    VALIDATION_FAILED(6, "applied migrations do not match the source",
            "Applied migrations no longer match the files. Restore the changed or missing files (git shows "
            + "them), and make further changes as new forward migrations. If an applied file was changed on "
            + "purpose, the tool's own repair (e.g. `flyway repair`) records the new checksum."),
    UNSUPPORTED(7, "the tool cannot do what was asked",
            "The chosen tool cannot do this; see the message for the alternative."),
    REMOTE_FAILED(8, "the command in the Job or pod failed; its own non-zero exit code is passed on, 8 only "
            + "when it had none",
            "Read the command's output above; `opta-migrate job logs NAME` shows it again."),
    NOT_CONFIRMED(20, "the run needed a confirmation and did not get it (answered no, or no terminal and no --yes)",
            "Read what it was about to run, then confirm it: at the prompt, or up front (--yes on the command "
            + "line, a Confirmation in library use)."),
    UNSAFE_MIGRATION(21, "check or verify found a finding at or above --fail-on, or migrate --safety block "
            + "refused an error-level finding",
            "Read each finding's fix and rewrite the migration that way, or accept a finding on purpose with "
            + "-- opta-migrate:allow <rule-id> <reason> above its statement."),
    INVALID_MIGRATIONS(22, "the migrations cannot be read or run as written (duplicate versions, a bad file name, "
            + "a file that is not text, a changelog that does not parse or a missing include, transaction control "
            + "inside a transactional migration, no changelog table); nothing was changed",
            "Fix the migration files as the message says, then run again. Nothing was applied or reverted."),
    LOCK_CONTENTION(26, "a migration kept giving up waiting for a table lock, and the lock guard's retries ran out",
            "Other sessions held a lock the migration needs for longer than the retries lasted; the message names "
            + "them. End or wait for those transactions, or run when the table is quiet; to wait longer, raise "
            + CoreSetting.LOCK_RETRIES.names() + "."),
    LOCK_LOST(27, "the run lost the migration lock while it changed the schema (its session ended or stopped "
            + "answering), and stopped",
            "Run `status` to see where the schema stands, then run again. If a proxy, pooler or firewall ends "
            + "idle sessions, give opta-migrate a direct connection or a longer idle timeout."),
    CONTRACT_NOT_READY(28, "the contract gate refused: a pending migration removes or renames what no earlier "
            + "release retired, or what a server still running an older release may use; nothing was applied",
            "Ship the contract in a later release than the retirement, once every server runs a release from the "
            + "retirement on; `opta-migrate status` says what blocks each contract. To accept one on purpose: "
            + "-- opta-migrate:allow contract-not-ready <reason> above its statement, or --safety warn."),
    OUTSIDE_WINDOW(29, "the run would start outside the target's maintenance windows, or its estimate does not fit "
            + "in what is left of the window; nothing was changed",
            "Run when the next window opens (the message says when), or give --outside-window \"<reason>\" to run "
            + "now; the journal records the reason."),
    NOT_REHEARSED(30, "the promotion gate refused: a pending migration has no proof that it succeeded, with the "
            + "same checksum, on the environment the target requires first; nothing was changed",
            "Run the migrations on that environment first (the message names each one without proof), then give its "
            + "journal (rehearsal-url) or its receipt (rehearsal-receipt, from `opta-migrate history --receipt`); "
            + "a changed file must be rehearsed again. To go on without: --skip-rehearsal \"<reason>\"."),
    INTERNAL(70, "a bug in opta-migrate",
            "This is a bug in opta-migrate. Run again with --verbose and report the stack trace."),
    INTERRUPTED(130, "the run was interrupted (Ctrl-C, SIGTERM) while it waited",
            "Nothing is wrong with opta-migrate. What it waited for may still go on: a Job or a command in a pod "
            + "runs on (`opta-migrate job status NAME`), and `status` shows where the schema stands.");

    private final Definition definition;

    CoreErrorCode(int exitCode, String summary, String hint) {
        this.definition = new Definition(exitCode, summary, hint);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
