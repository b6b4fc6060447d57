package dev.optamigrate.core.target;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
    private final Names names;

    /**
     * What the user calls the URL and the password variable, for messages: the target's own by default, another
     * server's (e.g. verify's shadow) when it is resolved with the same rules.
     *
     * @param url              the flag or variable the URL came from, or {@code null} for where the settings say
     * @param passwordVariable the environment variable that holds the password
     */
    public record Names(String url, String passwordVariable) {
        static final Names TARGET = new Names(null, Setting.PASSWORD_VARIABLE);
    }

    public TargetResolver(Settings settings) {
        this(settings, Names.TARGET);
    }

    public TargetResolver(Settings settings, Names names) {
        this.settings = settings;
        this.names = names;
    }

    /**
     * A server other than the target (verify's shadow, the rehearsal environment's database) from a URL of its own,
     * with its password from its own variable: the target's user and password are never used for it.
     *
     * @param url              the JDBC URL, with the user in it ({@code ?user=...})
     * @param urlName          the flag or setting the URL came from, for messages
     * @param passwordVariable the environment variable that holds its password
     * @param environment      the process environment
     */
    public static Target otherServer(String url, String urlName, String passwordVariable,
            Map<String, String> environment) {
        Map<String, String> variables = new HashMap<>();
        Optional.ofNullable(environment.get(passwordVariable)).ifPresent(password -> variables.put(passwordVariable,
                password));
        Settings own = Settings.fromFlags(Map.of(CoreSetting.URL, url), variables);
        try {
            return new TargetResolver(own, new Names(urlName, passwordVariable)).resolve();
        } catch (MigrateException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, e.getMessage(), "Give the user in " + urlName
                    + " (e.g. ?user=postgres) and the password in " + passwordVariable + "; the target's user and "
                    + "password are never used for it.", e);
        }
    }

    /**
     * A fleet member given as a URL: its host, port, database and properties (a {@code currentSchema} too) from the
     * URL, and the user, password and TLS mode of the fleet's base target, unless the URL names its own user or
     * {@code sslmode}. A password in the URL is refused, as everywhere.
     *
     * @param source where the URL came from, for messages, e.g. {@code tenants.txt line 4}
     */
    public static Target sameCredentialsAt(Target base, String url, String source) {
        JdbcUrlParser.Parsed parsed = JdbcUrlParser.parse(url, source, "OPTA_MIGRATE_PASSWORD");
        Map<String, String> properties = new HashMap<>(base.properties());
        properties.putAll(parsed.properties());
        return new Target(parsed.host(), parsed.port(), parsed.database(), parsed.user() != null ? parsed.user()
                : base.user(), base.password(), parsed.sslMode() != null ? SslMode.parse(parsed.sslMode())
                : base.sslMode(), base.connectTimeout(), base.socketTimeout(), properties);
    }

    /**
     * Checks a URL as {@link #sameCredentialsAt} would read it, before any base target is known: a PostgreSQL JDBC
     * URL with a host and no password.
     */
    public static void checkUrl(String url, String source) {
        JdbcUrlParser.parse(url, source, "OPTA_MIGRATE_PASSWORD");
    }

    /** Whether a target is configured at all: a URL, or Opta's database variables. */
    public boolean configured() {
        return settings.get(CoreSetting.URL).isPresent() || OptaEnvironment.detect(settings).isPresent();
    }

    public Target resolve() {
        Optional<String> url = settings.get(CoreSetting.URL);
        if (url.isPresent()) {
            return fromUrl(url.get());
        }
        return OptaEnvironment.detect(settings).map(this::fromOptaVariables).orElseThrow(this::noTarget);
    }

    private Target fromUrl(String url) {
        String source = names.url() != null ? names.url() : settings.sourceOf(CoreSetting.URL);
        JdbcUrlParser.Parsed parsed = JdbcUrlParser.parse(url, source, names.passwordVariable());
        String user = settings.get(CoreSetting.USER).orElse(parsed.user());
        if (user == null) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "No database user: the URL from " + source
                    + " has none" + (names.url() == null ? " and " + CoreSetting.USER.key() + " is not set." : "."),
                    names.url() == null ? "Set " + CoreSetting.USER.names() + ", or user=... in the URL."
                            : "Give user=... in the URL.", null);
        }
        SslMode sslMode = SslMode.parse(parsed.sslMode() != null ? parsed.sslMode()
                : settings.require(CoreSetting.SSLMODE));
        return new Target(parsed.host(), parsed.port(), parsed.database(), user, password(namedOptaPassword()), sslMode,
                connectTimeout(), socketTimeout(), withRootCertificate(parsed.properties()));
    }

    private Target fromOptaVariables(OptaEnvironment.Names names) {
        Map<String, String> env = settings.environment();
        String host = Addresses.host(env.get(names.host()).trim(), names.host());
        String database = required(env, names.database(), names);
        String user = settings.get(CoreSetting.USER).orElseGet(() -> required(env, names.user(), names));
        int port = Optional.ofNullable(env.get(names.port())).filter(value -> !value.isBlank())
                .map(value -> Addresses.port(value, names.port())).orElse(Target.DEFAULT_PORT);
        return new Target(host, port, database, user, password(optaPassword()),
                SslMode.parse(settings.require(CoreSetting.SSLMODE)), connectTimeout(), socketTimeout(),
                withRootCertificate(Map.of()));
    }

    /**
     * The password in the Opta variables (the configured names, or the one linked module's), if any: for a
     * password that must come from those variables even when the rest of the target comes from a URL.
     */
    public Optional<Password> optaPassword() {
        return OptaEnvironment.detect(settings).flatMap(names -> Optional.ofNullable(settings.environment()
                .get(names.password())).map(value -> Password.from(value, names.password())));
    }

    /** The password in the variable named by env.password ({@code DBPASS} by default), used with a URL too. */
    private Optional<Password> namedOptaPassword() {
        String variable = settings.require(CoreSetting.ENV_PASSWORD);
        return Optional.ofNullable(settings.environment().get(variable)).map(value -> Password.from(value, variable));
    }

    /**
     * The password: a password file first, then OPTA_MIGRATE_PASSWORD, then the Opta variable (with a URL too:
     * inside an Opta container it is the linked database's password). A trailing line break is dropped.
     */
    private Optional<Password> password(Optional<Password> fromOptaVariable) {
        Optional<String> file = settings.get(CoreSetting.PASSWORD_FILE);
        if (file.isPresent()) {
            return Optional.of(PasswordFile.read(Path.of(file.get()), settings.sourceOf(CoreSetting.PASSWORD_FILE)));
        }
        String fromEnvironment = settings.environment().get(names.passwordVariable());
        if (fromEnvironment != null) {
            return Optional.of(Password.from(PasswordFile.withoutLineBreak(fromEnvironment),
                    names.passwordVariable()));
        }
        return fromOptaVariable;
    }

    /** The driver properties plus the CA file that verify-ca and verify-full trust, when one is configured. */
    private Map<String, String> withRootCertificate(Map<String, String> properties) {
        Optional<String> file = settings.get(CoreSetting.SSL_ROOT_CERT);
        if (file.isEmpty()) {
            return properties;
        }
        if (!Files.isReadable(Path.of(file.get()))) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The CA certificate file " + file.get() + " (from "
                    + settings.sourceOf(CoreSetting.SSL_ROOT_CERT) + ") cannot be read.",
                    "Give the path of a readable PEM file, e.g. the RDS bundle of your region.", null);
        }
        Map<String, String> withFile = new HashMap<>(properties);
        withFile.put(ROOT_CERTIFICATE_PROPERTY, file.get());
        return withFile;
    }

    private Duration connectTimeout() {
        return settings.duration(CoreSetting.CONNECT_TIMEOUT);
    }

    private Duration socketTimeout() {
        return settings.duration(CoreSetting.SOCKET_TIMEOUT);
    }

    private static String required(Map<String, String> env, String variable, OptaEnvironment.Names names) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, names.host() + " is set but " + variable
                    + " is not.",
                    "Opta sets all of " + String.join(", ", names.host(), names.database(), names.user(),
                            names.password()) + " when the database is linked; check the link or set them.", null);
        }
        return value;
    }

    private MigrateException noTarget() {
        return new MigrateException(CoreErrorCode.CONFIGURATION, "No target database given. Looked for the setting "
                + CoreSetting.URL.names() + " and url in " + settings.configFile().map(Path::toString)
                        .orElse("opta-migrate.yaml (not present)") + "; then for the Opta variables "
                + settings.require(CoreSetting.ENV_HOST) + "/" + settings.require(CoreSetting.ENV_NAME) + "/"
                + settings.require(CoreSetting.ENV_USER) + "/" + settings.require(CoreSetting.ENV_PASSWORD)
                + " and <module>_db_host.",
                "Set " + CoreSetting.URL.key() + " to jdbc:postgresql://HOST:5432/DB and " + CoreSetting.USER.key()
                        + " (password in " + Setting.PASSWORD_VARIABLE + " or " + CoreSetting.PASSWORD_FILE.names()
                        + "); on the command line, --embedded runs a local embedded PostgreSQL instead.", null);
    }
}
