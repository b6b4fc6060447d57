package dev.optamigrate.core.target;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link Target} from settings: a JDBC URL first, else Opta's linked-secret variables. There is no
 * silent fallback: when neither is there, the error lists everything that was looked for.
 */
public final class TargetResolver {
    /** The JDBC driver's name for the CA file. */
    static final String ROOT_CERTIFICATE_PROPERTY = "sslrootcert";

    private final Settings settings;

    public TargetResolver(Settings settings) {
        this.settings = settings;
    }

    /** Whether a target is configured at all: a URL, or Opta's database variables. */
    public boolean configured() {
        return settings.get(Setting.URL).isPresent() || OptaEnvironment.detect(settings).isPresent();
    }

    public Target resolve() {
        Optional<String> url = settings.get(Setting.URL);
        if (url.isPresent()) {
            return fromUrl(url.get());
        }
        return OptaEnvironment.detect(settings).map(this::fromOptaVariables).orElseThrow(this::noTarget);
    }

    private Target fromUrl(String url) {
        JdbcUrlParser.Parsed parsed = JdbcUrlParser.parse(url, settings.sourceOf(Setting.URL));
        String user = settings.get(Setting.USER).orElse(parsed.user());
        if (user == null) {
            throw new MigrateException(ErrorCode.CONFIGURATION, "No database user: the URL has none and --user is not set.",
                    "Give --user, " + Setting.USER.environmentVariable() + ", or user=... in the URL.", null);
        }
        SslMode sslMode = SslMode.parse(parsed.sslMode() != null ? parsed.sslMode() : settings.require(Setting.SSLMODE));
        return new Target(parsed.host(), parsed.port(), parsed.database(), user, password(Optional.empty()), sslMode,
                connectTimeout(), socketTimeout(), withRootCertificate(parsed.properties()));
    }

    private Target fromOptaVariables(OptaEnvironment.Names names) {
        Map<String, String> env = settings.environment();
        String host = env.get(names.host());
        String database = required(env, names.database(), names);
        String user = settings.get(Setting.USER).orElseGet(() -> required(env, names.user(), names));
        int port = Optional.ofNullable(env.get(names.port())).map(value -> port(value, names.port()))
                .orElse(Target.DEFAULT_PORT);
        return new Target(host, port, database, user, password(Optional.ofNullable(env.get(names.password()))),
                SslMode.parse(settings.require(Setting.SSLMODE)), connectTimeout(), socketTimeout(),
                withRootCertificate(Map.of()));
    }

    /**
     * The password in the Opta variables (the configured names, or the one linked module's), if any: for a
     * password that must come from those variables even when the rest of the target comes from a URL.
     */
    public Optional<Password> optaPassword() {
        return OptaEnvironment.detect(settings).map(names -> settings.environment().get(names.password()))
                .map(Password::of);
    }

    /** The password: a password file first, then OPTA_MIGRATE_PASSWORD, then the Opta variable. */
    private Optional<Password> password(Optional<String> fromOptaVariable) {
        Optional<String> file = settings.get(Setting.PASSWORD_FILE);
        if (file.isPresent()) {
            return Optional.of(readPasswordFile(Path.of(file.get())));
        }
        String fromEnvironment = settings.environment().get(Setting.PASSWORD_VARIABLE);
        if (fromEnvironment != null) {
            return Optional.of(Password.of(fromEnvironment));
        }
        return fromOptaVariable.map(Password::of);
    }

    private Password readPasswordFile(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return Password.of(lines.isEmpty() ? "" : lines.get(0));
        } catch (IOException e) {
            throw new MigrateException(ErrorCode.CONFIGURATION, "Cannot read the password file " + file + " (from "
                    + settings.sourceOf(Setting.PASSWORD_FILE) + ").", "Check that the file exists and is readable.", e);
        }
    }

    /** The driver properties plus the CA file that verify-ca and verify-full trust, when one is configured. */
    private Map<String, String> withRootCertificate(Map<String, String> properties) {
        Optional<String> file = settings.get(Setting.SSL_ROOT_CERT);
        if (file.isEmpty()) {
            return properties;
        }
        if (!Files.isReadable(Path.of(file.get()))) {
            throw new MigrateException(ErrorCode.CONFIGURATION, "The CA certificate file " + file.get() + " (from "
                    + settings.sourceOf(Setting.SSL_ROOT_CERT) + ") cannot be read.",
                    "Give the path of a readable PEM file, e.g. the RDS bundle of your region.", null);
        }
        Map<String, String> withFile = new HashMap<>(properties);
        withFile.put(ROOT_CERTIFICATE_PROPERTY, file.get());
        return withFile;
    }

    private Duration connectTimeout() {
        return settings.duration(Setting.CONNECT_TIMEOUT);
    }

    private Duration socketTimeout() {
        return settings.duration(Setting.SOCKET_TIMEOUT);
    }

    private static String required(Map<String, String> env, String variable, OptaEnvironment.Names names) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new MigrateException(ErrorCode.CONFIGURATION, names.host() + " is set but " + variable + " is not.",
                    "Opta sets all of " + String.join(", ", names.host(), names.database(), names.user(),
                            names.password()) + " when the database is linked; check the link or set them.", null);
        }
        return value;
    }

    private static int port(String value, String variable) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new MigrateException(ErrorCode.CONFIGURATION, variable + " is '" + value + "', not a port number.",
                    "Set it to the database port, e.g. 5432.", null);
        }
    }

    private MigrateException noTarget() {
        return new MigrateException(ErrorCode.CONFIGURATION, "No target database given. Looked for --url, "
                + Setting.URL.environmentVariable() + " and url in " + settings.configFile().map(Path::toString)
                        .orElse("opta-migrate.yaml (not present)") + "; then for the Opta variables "
                + settings.require(Setting.ENV_HOST) + "/" + settings.require(Setting.ENV_NAME) + "/"
                + settings.require(Setting.ENV_USER) + "/" + settings.require(Setting.ENV_PASSWORD)
                + " and <module>_db_host.",
                "Give --url jdbc:postgresql://HOST:5432/DB --user USER (password in " + Setting.PASSWORD_VARIABLE
                        + " or --password-file), or --embedded for a local embedded PostgreSQL.", null);
    }
}
