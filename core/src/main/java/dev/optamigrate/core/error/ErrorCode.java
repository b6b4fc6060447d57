package dev.optamigrate.core.error;

/**
 * Every way a run can fail, with the process exit code it maps to and a hint that says what to do next.
 * The exit codes are part of the command-line interface: scripts may rely on them.
 */
public enum ErrorCode {
    MIGRATION_FAILED(1, "a migration failed",
            "A migration failed and was rolled back where PostgreSQL allows it. Fix the migration "
            + "(or the data it trips over) and run again; `status` shows where the schema stands."),
    CONFIGURATION(2, "bad usage or configuration (flag, variable, config file, location, tool or strategy)",
            "Check the flags, the OPTA_MIGRATE_* environment variables and opta-migrate.yaml; "
            + "`opta-migrate <verb> --help` lists every setting."),
    CANNOT_CONNECT(3, "cannot reach the database (refused, unresolvable, timed out, no such database)",
            "Check host, port and database name, and that this machine can reach the database "
            + "(VPN, tunnel, firewall, security group)."),
    AUTHENTICATION_FAILED(4, "the database refused the user or password",
            "Check the user and the password source (OPTA_MIGRATE_PASSWORD, --password-file "
            + "or the Opta DBPASS variable)."),
    LOCK_TIMEOUT(5, "gave up waiting for the migration lock",
            "Another migration holds the lock. Wait for it to finish, or raise --lock-wait; if its "
            + "process is gone, PostgreSQL frees the lock as soon as it notices the dead session."),
    VALIDATION_FAILED(6, "applied migrations do not match the source",
            "Applied migrations no longer match the files. Restore the changed or missing files, "
            + "or add a new forward migration instead of editing an applied one."),
    UNSUPPORTED(7, "the tool cannot do what was asked",
            "The chosen tool cannot do this; see the message for the alternative."),
    INTERNAL(70, "a bug in opta-migrate",
            "This is a bug in opta-migrate. Run again with --verbose and report the stack trace.");

    private final int exitCode;
    private final String summary;
    private final String hint;

    ErrorCode(int exitCode, String summary, String hint) {
        this.exitCode = exitCode;
        this.summary = summary;
        this.hint = hint;
    }

    /** What the exit code means, for help texts and the README. */
    public String summary() {
        return summary;
    }

    public int exitCode() {
        return exitCode;
    }

    public String hint() {
        return hint;
    }
}
