package dev.optamigrate.core.target;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Settings;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the database variables that Opta injects into a service's container: the configured names
 * ({@code DBHOST DBPORT DBNAME DBUSER DBPASS} by default), or Opta's own default names for a linked postgres
 * module, {@code <module>_db_host}, {@code <module>_db_name}, {@code <module>_db_user}, {@code <module>_db_password}.
 */
final class OptaEnvironment {
    private static final Pattern MODULE_HOST = Pattern.compile("(?i)(.+)_db_host");

    /** The names of the variables to read. */
    record Names(String host, String port, String database, String user, String password) {
    }

    private OptaEnvironment() {
    }

    static Optional<Names> detect(Settings settings) {
        Map<String, String> env = settings.environment();
        Names configured = new Names(settings.require(CoreSetting.ENV_HOST), settings.require(CoreSetting.ENV_PORT),
                settings.require(CoreSetting.ENV_NAME), settings.require(CoreSetting.ENV_USER),
                settings.require(CoreSetting.ENV_PASSWORD));
        if (env.containsKey(configured.host())) {
            return Optional.of(configured);
        }
        TreeSet<String> hostVariables = new TreeSet<>();
        for (String name : env.keySet()) {
            if (MODULE_HOST.matcher(name).matches()) {
                hostVariables.add(name);
            }
        }
        if (hostVariables.isEmpty()) {
            return Optional.empty();
        }
        if (hostVariables.size() > 1) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Several linked databases in the environment: "
                    + String.join(", ", hostVariables) + ".", "Choose one by setting "
                    + CoreSetting.ENV_HOST.environmentVariable() + " (and the other " + "OPTA_MIGRATE_ENV_* names), or "
                    + "set " + CoreSetting.URL.names() + ".", null);
        }
        String hostVariable = hostVariables.first();
        Matcher matcher = MODULE_HOST.matcher(hostVariable);
        matcher.matches();
        String prefix = matcher.group(1);
        boolean upper = hostVariable.endsWith("_DB_HOST");
        return Optional.of(new Names(hostVariable, named(prefix, "_db_port", upper), named(prefix, "_db_name", upper),
                named(prefix, "_db_user", upper), named(prefix, "_db_password", upper)));
    }

    private static String named(String prefix, String suffix, boolean upper) {
        return prefix + (upper ? suffix.toUpperCase(Locale.ROOT) : suffix);
    }
}
