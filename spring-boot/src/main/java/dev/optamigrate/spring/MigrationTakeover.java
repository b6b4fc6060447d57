package dev.optamigrate.spring;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns off Spring Boot's own Flyway and Liquibase migration (their {@code enabled} properties, over every other
 * source), since the starter migrates instead: the same migrations must not run twice, nor once outside the lock.
 * With {@code opta-migrate.enabled=false} nothing changes and Spring Boot migrates as before.
 */
public final class MigrationTakeover implements EnvironmentPostProcessor {
    static final String SOURCE = "opta-migrate-takeover";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(OptaMigrateProperties.PREFIX + ".enabled", Boolean.class, true)) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(
                "spring.flyway.enabled", "false",
                "spring.liquibase.enabled", "false")));
    }
}
