package dev.optamigrate.spring;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.KnownSettings;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.target.Password;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.target.TargetResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * The engine's settings from a Spring application's properties: each setting as {@code opta-migrate.<key>} (which
 * wins over the {@code OPTA_MIGRATE_*} variables, as a flag does), the tool and location from Spring Boot's Flyway
 * or Liquibase properties, and the database from {@code spring.flyway.url}/{@code spring.liquibase.url} or else
 * {@code spring.datasource.*}. The password is kept apart from the settings, named by its property for messages.
 *
 * @param settings the engine's settings
 * @param password the password from Spring's properties, if they hold one
 */
record SpringSettings(Settings settings, Optional<Password> password) {
    private static final String DATASOURCE = "spring.datasource";

    /** The target the settings name, with the password from Spring's properties when they hold one. */
    Target target() {
        Target target = new TargetResolver(settings).resolve();
        return password.map(target::withPassword).orElse(target);
    }

    static SpringSettings read(Environment environment, Map<String, String> processEnvironment, ClassLoader loader) {
        Map<Setting, String> given = new HashMap<>();
        for (Setting setting : KnownSettings.all()) {
            Optional.ofNullable(environment.getProperty(MigrationSource.property(setting)))
                    .filter(value -> !value.isBlank()).ifPresent(value -> given.put(setting, value));
        }
        MigrationSource source = MigrationSource.choose(environment, given, loader);
        Optional<Password> password = Optional.empty();
        if (!given.containsKey(CoreSetting.URL)) {
            String prefix = source.springPrefix() != null && environment.containsProperty(source.springPrefix()
                    + ".url") ? source.springPrefix() : DATASOURCE;
            Optional.ofNullable(environment.getProperty(prefix + ".url")).ifPresent(url -> given.put(CoreSetting.URL,
                    url));
            connectionProperty(environment, source, "user", "username").ifPresent(user -> given.putIfAbsent(
                    CoreSetting.USER, user));
            password = password(environment, source);
        }
        Settings settings = Settings.fromProperties(given, OptaMigrateProperties.PREFIX + ".", processEnvironment);
        if (!new TargetResolver(settings).configured()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "opta-migrate has no database to migrate: "
                    + "spring.datasource.url is not set.", "Set spring.datasource.url (or "
                            + MigrationSource.property(CoreSetting.URL) + " for a migration of its own), e.g. "
                            + "jdbc:postgresql://db:5432/app.", null);
        }
        return new SpringSettings(settings, password);
    }

    private static Optional<String> connectionProperty(Environment environment, MigrationSource source,
            String toolName, String dataSourceName) {
        return connectionProperties(source, toolName, dataSourceName).stream()
                .filter(environment::containsProperty).findFirst().map(environment::getProperty);
    }

    /** The password, unless it is empty (as in many development setups, where the server trusts the user). */
    private static Optional<Password> password(Environment environment, MigrationSource source) {
        return connectionProperties(source, "password", "password").stream()
                .filter(environment::containsProperty).findFirst()
                .filter(name -> !environment.getProperty(name, "").isEmpty())
                .map(name -> Password.from(environment.getProperty(name), name));
    }

    /** The tool's own property ({@code spring.flyway.user}), then the data source's, as Spring Boot reads them. */
    private static List<String> connectionProperties(MigrationSource source, String toolName, String dataSourceName) {
        String dataSource = DATASOURCE + "." + dataSourceName;
        return source.springPrefix() == null ? List.of(dataSource)
                : List.of(source.springPrefix() + "." + toolName, dataSource);
    }
}
