package dev.optamigrate.core.settings;

/**
 * The engine's settings: the target, the tool and its options, the lock, the safety check, what the journal records,
 * and the names of Opta-style database variables.
 */
public enum CoreSetting implements Setting {
    URL("url", null, "JDBC URL of the target, e.g. jdbc:postgresql://db:5432/app (never with a password in it)"),
    USER("user", null, "Database user; overrides the URL's and the Opta variable's"),
    PASSWORD_FILE("password-file", null, "File whose first line is the password"),
    SSLMODE("sslmode", "prefer", "TLS mode: disable, allow, prefer, require, verify-ca, verify-full"),
    SSL_ROOT_CERT("ssl-root-cert", null, "CA certificate file (PEM) that sslmode verify-ca and verify-full trust, "
            + "e.g. the cloud provider's RDS bundle"),
    CONNECT_TIMEOUT("connect-timeout", "10s", Kind.DURATION, "Longest wait for the TCP connection and the login"),
    SOCKET_TIMEOUT("socket-timeout", "1h", Kind.DURATION, "Longest wait for one statement's answer; 0 waits forever"),
    TOOL("tool", null, "Migration tool: flyway, liquibase or mybatis; detected from the location when not set"),
    LOCATION("location", "db/migration", "Migration source: a directory, or classpath:<path> for library use"),
    CLASSPATH("classpath", null, "Jars and directories with the project's own classes, separated by ':' as for "
            + "java -cp: Liquibase custom changes and extensions, changelogs included from the classpath root, Flyway "
            + "Java migrations (with a classpath: location)"),
    SEARCH_PATH("search-path", null, "Liquibase: directories, separated by ',', that changelog paths and includes "
            + "are resolved against; default: the changelog's directory and each directory above it, up to the "
            + "enclosing resources directory (the build's classpath root) or else the working directory"),
    CONTEXTS("contexts", null, "Liquibase: the context expression changesets must match, e.g. prod or "
            + "\"!test\"; default: all"),
    LABELS("labels", null, "Liquibase: the label expression changesets must match; default: all"),
    PLACEHOLDERS("placeholders", null, "Flyway: placeholders replaced in SQL migrations, as key=value pairs "
            + "separated by ',', e.g. schema=shop,owner=app"),
    MYBATIS_ENVIRONMENT("mybatis-environment", "development", "MyBatis: the environment whose "
            + "environments/<name>.properties holds the script settings (changelog table, delimiter, auto_commit)"),
    LOCK_WAIT("lock-wait", "10m", Kind.DURATION, "Longest wait for the migration lock held by another run"),
    LOCK_TIMEOUT("lock-timeout", "1s", Kind.DURATION, "Lock guard: longest a migration statement waits for a table "
            + "lock before it gives up and the migration runs again (lock_timeout of every migration connection; a "
            + "migration's own SET lock_timeout wins); 0 turns the guard off"),
    LOCK_RETRIES("lock-retries", "10", Kind.COUNT, "Lock guard: how often a migration that gave up waiting for a "
            + "lock runs again before the run fails with LOCK_CONTENTION"),
    LOCK_RETRY_PAUSE("lock-retry-pause", "1s", Kind.DURATION, "Lock guard: the pause before the first retry; each "
            + "next one doubles, up to 30s, and is drawn between half and all of that"),
    STATEMENT_TIMEOUT("statement-timeout", "0", Kind.DURATION, "Longest one migration statement may run "
            + "(statement_timeout of every migration connection); 0: no limit"),
    REPORT_QUERIES("report-queries", "true", Kind.BOOLEAN, "Lock guard: report the first 200 characters of each "
            + "blocking session's query; false leaves query text (which can hold customer data) out"),
    CANCEL_BLOCKERS("cancel-blockers", null, "Lock guard: end blocking sessions idle in a transaction for longer "
            + "than the age given, e.g. idle-in-transaction>5m; an active query is never touched; default: none"),
    STRATEGY("strategy", "local", "Execution strategy, by name (see `opta-migrate strategies`)"),
    SAFETY("safety", "warn", "What migrate does with the static check of pending migrations: off, warn (report "
            + "the findings and go on) or block (refuse while an error-level finding remains); the contract gate "
            + "refuses unless safety is given as warn or off"),
    RELEASE("release", null, "Release or image recorded in the journal, e.g. the image tag being deployed"),
    RUNNING_RELEASE("running-release", null, "Contract gate: the releases that serve traffic now, as the journal "
            + "records them, separated by ','; the flag repeats; the job, shell and external strategies with --service "
            + "add the images of the Deployment's pods"),
    TRUST_UNKNOWN_RELEASES("trust-unknown-releases", "false", Kind.BOOLEAN, "Contract gate: count a running "
            + "release that the journal has never seen as new rather than old; the journal records it"),
    ENVIRONMENT("environment", null, "This target's environment, e.g. staging: recorded with each migration it "
            + "applies, and in the receipts `history --receipt` writes"),
    REQUIRE_REHEARSAL("require-rehearsal", null, "Promotion gate: the environment where the pending migrations "
            + "must have succeeded first, with the same checksums, e.g. staging; proof from rehearsal-url or "
            + "rehearsal-receipt"),
    REHEARSAL_URL("rehearsal-url", null, "Promotion gate: JDBC URL of the rehearsal environment's database, whose "
            + "journal is read read-only; the user in the URL, the password in OPTA_MIGRATE_REHEARSAL_PASSWORD"),
    REHEARSAL_RECEIPT("rehearsal-receipt", null, "Promotion gate: the receipt that `history --receipt` wrote on "
            + "the rehearsal environment"),
    SKIP_REHEARSAL("skip-rehearsal", null, "Why this run may go without proof of a rehearsal; the journal and the "
            + "notifications record it"),
    STANDBY("standby", null, "The person on standby who watches the run, recorded in the journal; in a target's "
            + "config file, 'required' makes every run that changes the schema name one"),
    WINDOWS("windows", null, "Maintenance windows that runs changing the schema must start in, e.g. "
            + "'Mon-Fri 01:00-05:00 Europe/Berlin', separated by ';' (in the config file, a YAML list); default: "
            + "any time"),
    OUTSIDE_WINDOW("outside-window", null, "Why this run may start outside the maintenance windows (or run longer "
            + "than what is left of one); the journal records it"),
    ESTIMATE_FROM("estimate-from", null, "The JSON that verify --output json wrote for the pending migrations: "
            + "their estimate must fit in what is left of the maintenance window"),
    NOTIFY("notify", null, "Where the people on standby are told about runs that change the schema: sinks written "
            + "KIND env:VARIABLE or KIND file:PATH (KIND webhook, slack or cloudevents; the URL stays in the variable "
            + "or file and never prints), separated by ';' (in the config file, a YAML list)"),
    NOTIFY_LOCK_WAIT("notify-lock-wait", "30s", Kind.DURATION, "Notifications: tell once when the run has waited "
            + "this long for the migration lock"),
    NOTIFY_SLOW_MIGRATION("notify-slow-migration", "1m", Kind.DURATION, "Notifications: tell about each migration "
            + "that took this long"),
    OPERATOR("operator", null, "Who runs the migration, recorded in the journal; default: the OS user"),
    ENV_HOST("env.host", "DBHOST", "Name of the variable that holds the host in Opta-style environments"),
    ENV_PORT("env.port", "DBPORT", "Name of the variable that holds the port"),
    ENV_NAME("env.name", "DBNAME", "Name of the variable that holds the database name"),
    ENV_USER("env.user", "DBUSER", "Name of the variable that holds the user"),
    ENV_PASSWORD("env.password", "DBPASS", "Name of the variable that holds the password");

    private final Definition definition;

    CoreSetting(String key, String defaultValue, String description) {
        this(key, defaultValue, Kind.TEXT, description);
    }

    CoreSetting(String key, String defaultValue, Kind kind, String description) {
        this.definition = new Definition(key, defaultValue, kind, description);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
