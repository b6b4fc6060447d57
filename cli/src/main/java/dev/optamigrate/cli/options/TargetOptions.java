package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the database is. There is deliberately no password option. */
public final class TargetOptions {
    @Option(names = "--url", paramLabel = "JDBC_URL", descriptionKey = "url")
    String url;

    @Option(names = "--user", paramLabel = "USER", descriptionKey = "user")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", descriptionKey = "password-file")
    String passwordFile;

    @Option(names = "--sslmode", paramLabel = "MODE", descriptionKey = "sslmode")
    String sslMode;

    @Option(names = "--ssl-root-cert", paramLabel = "FILE", descriptionKey = "ssl-root-cert")
    String sslRootCert;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", descriptionKey = "connect-timeout")
    String connectTimeout;

    @Option(names = "--socket-timeout", paramLabel = "DURATION", descriptionKey = "socket-timeout")
    String socketTimeout;

    @Option(names = "--embedded", description = "Use a local embedded PostgreSQL whose data persists in "
            + ".opta-migrate/embedded; it is started for this command and stopped after. Only when asked for.")
    boolean embedded;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (default: opta-migrate.yaml in the working directory, when present).")
    Path config;

    public boolean embedded() {
        return embedded;
    }

    public Optional<Path> config() {
        return Optional.ofNullable(config);
    }

    /** True when --url was given on the command line. */
    public boolean urlGiven() {
        return url != null;
    }

    void addTo(Map<Setting, String> flags) {
        flags.put(CoreSetting.URL, url);
        flags.put(CoreSetting.USER, user);
        flags.put(CoreSetting.PASSWORD_FILE, passwordFile);
        flags.put(CoreSetting.SSLMODE, sslMode);
        flags.put(CoreSetting.SSL_ROOT_CERT, sslRootCert);
        flags.put(CoreSetting.CONNECT_TIMEOUT, connectTimeout);
        flags.put(CoreSetting.SOCKET_TIMEOUT, socketTimeout);
    }
}
