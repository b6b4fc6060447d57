package dev.optamigrate.spring;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.spi.MigrationToolProvider;
import dev.optamigrate.core.tool.MigrationTools;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which tool migrates and from where, read as Spring Boot reads it: {@code opta-migrate.tool} or the one tool whose
 * module is on the classpath; {@code opta-migrate.location}, else {@code spring.flyway.locations} (default
 * {@code classpath:db/migration}) or {@code spring.liquibase.change-log} (default
 * {@code classpath:/db/changelog/db.changelog-master.yaml}), with Liquibase's contexts and labels and Flyway's
 * placeholders. Spring Boot properties that would put the history elsewhere are refused, never ignored.
 *
 * @param tool         {@code flyway} or {@code liquibase} (or another tool named by {@code opta-migrate.tool})
 * @param springPrefix {@code spring.flyway} or {@code spring.liquibase}, whose connection properties win over
 *                     {@code spring.datasource.*}; {@code null} for another tool
 */
record MigrationSource(String tool, String springPrefix) {
    static final String FLYWAY = "flyway";
    static final String LIQUIBASE = "liquibase";
    private static final String FLYWAY_PREFIX = "spring.flyway";
    private static final String LIQUIBASE_PREFIX = "spring.liquibase";
    private static final String DEFAULT_FLYWAY_LOCATION = "classpath:db/migration";
    private static final String DEFAULT_CHANGELOG = "classpath:/db/changelog/db.changelog-master.yaml";
    private static final List<String> FLYWAY_UNREAD = List.of("table", "schemas", "default-schema",
            "baseline-on-migrate", "target");
    private static final List<String> LIQUIBASE_UNREAD = List.of("database-change-log-table", "liquibase-schema",
            "default-schema", "tag");

    /** The tool, and its location and options added to {@code given} where the starter's own properties are silent. */
    static MigrationSource choose(Environment environment, Map<Setting, String> given, ClassLoader loader) {
        String tool = given.computeIfAbsent(CoreSetting.TOOL, key -> detect(loader));
        Binder binder = Binder.get(environment);
        if (tool.equals(FLYWAY)) {
            refuseUnread(environment, FLYWAY_PREFIX, FLYWAY_UNREAD);
            given.computeIfAbsent(CoreSetting.LOCATION, key -> flywayLocation(binder));
            Map<String, String> placeholders = binder.bind(FLYWAY_PREFIX + ".placeholders",
                    Bindable.mapOf(String.class, String.class)).orElse(Map.of());
            if (!placeholders.isEmpty()) {
                given.putIfAbsent(CoreSetting.PLACEHOLDERS, placeholders.entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(",")));
            }
            return new MigrationSource(tool, FLYWAY_PREFIX);
        }
        if (tool.equals(LIQUIBASE)) {
            refuseUnread(environment, LIQUIBASE_PREFIX, LIQUIBASE_UNREAD);
            given.computeIfAbsent(CoreSetting.LOCATION, key -> environment.getProperty(LIQUIBASE_PREFIX
                    + ".change-log", DEFAULT_CHANGELOG));
            joined(binder, LIQUIBASE_PREFIX + ".contexts").ifPresent(value -> given.putIfAbsent(CoreSetting.CONTEXTS,
                    value));
            joined(binder, LIQUIBASE_PREFIX + ".label-filter").ifPresent(value -> given.putIfAbsent(
                    CoreSetting.LABELS, value));
            return new MigrationSource(tool, LIQUIBASE_PREFIX);
        }
        if (!given.containsKey(CoreSetting.LOCATION)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "opta-migrate.tool is " + tool
                    + ", and Spring Boot has no location for it.", "Set " + property(CoreSetting.LOCATION)
                            + " to where its migrations are.", null);
        }
        return new MigrationSource(tool, null);
    }

    private static String detect(ClassLoader loader) {
        List<String> present = MigrationTools.discover(loader).providers().stream()
                .filter(MigrationToolProvider::isAvailable).map(MigrationToolProvider::name)
                .filter(name -> name.equals(FLYWAY) || name.equals(LIQUIBASE)).sorted().toList();
        if (present.size() == 1) {
            return present.get(0);
        }
        throw new MigrateException(CoreErrorCode.CONFIGURATION, present.isEmpty()
                ? "No migration tool for opta-migrate: neither opta-migrate-tool-flyway (with Flyway) nor "
                        + "opta-migrate-tool-liquibase (with Liquibase) is on the classpath."
                : "Both Flyway and Liquibase are on the classpath, and opta-migrate migrates with one.",
                present.isEmpty() ? "Add the module of the tool your migrations are written for, e.g. "
                        + "dev.optamigrate:opta-migrate-tool-flyway."
                        : "Set " + property(CoreSetting.TOOL) + " to flyway or liquibase.", null);
    }

    private static String flywayLocation(Binder binder) {
        List<String> locations = binder.bind(FLYWAY_PREFIX + ".locations", Bindable.listOf(String.class))
                .orElse(List.of(DEFAULT_FLYWAY_LOCATION));
        if (locations.size() != 1) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "spring.flyway.locations names "
                    + locations.size() + " locations (" + String.join(", ", locations) + "), and opta-migrate reads "
                    + "one.", "Keep the migrations in one location, or set " + property(CoreSetting.LOCATION)
                            + " to the one to migrate from.", null);
        }
        return locations.get(0).replace("{vendor}", "postgresql");
    }

    private static Optional<String> joined(Binder binder, String name) {
        return Optional.ofNullable(binder.bind(name, Bindable.listOf(String.class))
                .map(values -> String.join(",", values)).orElse(null));
    }

    private static void refuseUnread(Environment environment, String prefix, List<String> keys) {
        for (String key : keys) {
            String name = prefix + "." + key;
            if (environment.containsProperty(name)) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION, name + " is set, and opta-migrate does not "
                        + "read it: it keeps the history where the tool keeps it by default, and applies every "
                        + "migration. Nothing was changed.", "Remove " + name + ", or set opta-migrate.enabled=false "
                                + "to leave the migration to Spring Boot.", null);
            }
        }
    }

    static String property(Setting setting) {
        return OptaMigrateProperties.PREFIX + "." + setting.key();
    }
}
