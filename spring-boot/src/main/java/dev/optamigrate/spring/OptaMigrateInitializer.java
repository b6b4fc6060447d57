package dev.optamigrate.spring;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.strategy.startup.StartupMigration;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates when the application context creates it, before the beans that use the database (Spring Boot makes
 * {@code JdbcTemplate}, JPA and the like depend on it, as on its own Flyway initializer): one replica migrates under
 * the engine's lock while the others wait on it and log the wait. In wait-only mode it migrates nothing and waits
 * for the schema instead.
 */
public final class OptaMigrateInitializer implements InitializingBean {
    private final SpringSettings settings;
    private final OptaMigrateProperties properties;

    OptaMigrateInitializer(SpringSettings settings, OptaMigrateProperties properties) {
        this.settings = settings;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        if (properties.isWaitOnly()) {
            new SchemaWait(this::readOnlyMigrator, this::target, properties.getWaitTimeout()).await();
        } else {
            StartupMigration.from(settings.settings(), target()).budget(properties.getStartupBudget()).run();
        }
    }

    /** An engine that only reads, for the wait and for Actuator. */
    Migrator readOnlyMigrator() {
        return MigratorConfiguration.from(settings.settings(), target()).load();
    }

    Target target() {
        return settings.target();
    }
}
