package dev.optamigrate.core.settings;

import java.util.Locale;

/**
 * Every setting, with its name in opta-migrate.yaml, its environment variable and its default. Flags use the
 * same name with {@code --} in front. There is deliberately no password setting: a password comes from
 * {@code OPTA_MIGRATE_PASSWORD}, a password file, or the Opta password variable.
 */
public enum Setting {
    URL("url", null, "JDBC URL of the target, e.g. jdbc:postgresql://db:5432/app (never with a password in it)"),
    USER("user", null, "Database user; overrides the URL's and the Opta variable's"),
    PASSWORD_FILE("password-file", null, "File whose first line is the password"),
    SSLMODE("sslmode", "prefer", "TLS mode: disable, allow, prefer, require, verify-ca, verify-full"),
    SSL_ROOT_CERT("ssl-root-cert", null, "CA certificate file (PEM) that sslmode verify-ca and verify-full trust, "
            + "e.g. the cloud provider's RDS bundle"),
    CONNECT_TIMEOUT("connect-timeout", "10s", "Longest wait for the TCP connection and the login"),
    SOCKET_TIMEOUT("socket-timeout", "1h", "Longest wait for one statement's answer; 0 waits forever"),
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
    LOCK_WAIT("lock-wait", "10m", "Longest wait for the migration lock held by another run"),
    STRATEGY("strategy", "local", "Execution strategy, by name (see `opta-migrate strategies`)"),
    SAFETY("safety", "warn", "What migrate does with the static check of pending migrations: off, warn (report "
            + "the findings and go on) or block (refuse while an error-level finding remains)"),
    RELEASE("release", null, "Release or image recorded in the journal, e.g. the image tag being deployed"),
    OPERATOR("operator", null, "Who runs the migration, recorded in the journal; default: the OS user"),
    SERVICE("service", null, "Service (the Opta manifest's name) whose Deployment a Job copies; needed by the "
            + "job strategy and `generate`"),
    NAMESPACE("namespace", null, "Kubernetes namespace; default: the service's name, as Opta names it"),
    CONTEXT("context", null, "kubeconfig context; default: the current context, or the in-cluster account"),
    DEPLOYMENT("deployment", null, "The service's Deployment; default: the only Deployment in the namespace"),
    CONTAINER("container", "k8s-service", "Container of the Deployment whose image and environment a Job copies"),
    SECRET("secret", "secret", "Secret that holds the database variables (Opta's links fill `secret`)"),
    IMAGE("image", null, "Image of the migration Job; default: the Deployment's current image, with tag or digest"),
    MIGRATOR_IMAGE("migrator-image", null, "Job: an image with opta-migrate that runs the migration, so that the "
            + "service's image needs none; an init container from the service's image copies --migrations-path "
            + "into the Job's pod first"),
    MIGRATIONS_PATH("migrations-path", null, "With --migrator-image: the directory in the service's image that "
            + "holds the migrations, e.g. /app/db/migration"),
    JOB_DEADLINE("job-deadline", "1h", "Longest a migration Job may run before Kubernetes stops it"),
    JOB_TTL("job-ttl", "24h", "How long Kubernetes keeps a finished migration Job and its log"),
    JOB_BACKOFF_LIMIT("job-backoff-limit", "0", "How often Kubernetes retries a failed Job pod; 0 runs it once"),
    JOB_START_TIMEOUT("job-start-timeout", "5m", "Longest wait for a pod opta-migrate starts (the Job's, the "
            + "tunnel's) to be scheduled and start"),
    PROTECTED("protected", "false", "Marks the target as protected (production): the external strategy then shows "
            + "what will run against it and needs --yes"),
    CREDENTIALS_FROM_CLUSTER("credentials-from-cluster", "false", "External strategy: read host, database, user "
            + "and password from the service's Secret through the Kubernetes API (never printed)"),
    TUNNEL("tunnel", "false", "External strategy: reach the database through a short-lived proxy pod in the "
            + "service's namespace and a port-forward"),
    TUNNEL_IMAGE("tunnel-image", "docker.io/alpine/socat:1.8.0.3", "Image of the tunnel's proxy pod; it runs socat "
            + "with a listen and a connect address"),
    TUNNEL_DEADLINE("tunnel-deadline", "1h", "Longest a tunnel pod lives, even if opta-migrate dies "
            + "(activeDeadlineSeconds)"),
    ENV_HOST("env.host", "DBHOST", "Name of the variable that holds the host in Opta-style environments"),
    ENV_PORT("env.port", "DBPORT", "Name of the variable that holds the port"),
    ENV_NAME("env.name", "DBNAME", "Name of the variable that holds the database name"),
    ENV_USER("env.user", "DBUSER", "Name of the variable that holds the user"),
    ENV_PASSWORD("env.password", "DBPASS", "Name of the variable that holds the password");

    /** The environment variable that carries the password; there is no flag and no config key for it. */
    public static final String PASSWORD_VARIABLE = "OPTA_MIGRATE_PASSWORD";

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The name in opta-migrate.yaml (nested keys joined with dots) and, after {@code --}, the flag. */
    public String key() {
        return key;
    }

    public String environmentVariable() {
        return "OPTA_MIGRATE_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static java.util.Optional<Setting> byKey(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return java.util.Optional.of(setting);
            }
        }
        return java.util.Optional.empty();
    }
}
