package dev.optamigrate.spring;

import dev.optamigrate.spring.actuate.ActuatorContributions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The starter's entry: an {@link OptaMigrateInitializer} that migrates (or, in wait-only mode, waits) before the
 * beans that use the database, and Actuator's health and info when Actuator is present. Off with
 * {@code opta-migrate.enabled=false}, which gives the migration back to Spring Boot.
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
    "org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration",
    "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"})
@ConditionalOnProperty(prefix = OptaMigrateProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(OptaMigrateProperties.class)
@Import(ActuatorContributions.class)
public class OptaMigrateAutoConfiguration {
    @Bean
    OptaMigrateInitializer optaMigrateInitializer(Environment environment, OptaMigrateProperties properties) {
        return new OptaMigrateInitializer(SpringSettings.read(environment, System.getenv(),
                Thread.currentThread().getContextClassLoader()), properties);
    }

    @Bean
    MigrationStatusReport optaMigrateStatusReport(OptaMigrateInitializer initializer) {
        return new MigrationStatusReport(initializer::readOnlyMigrator, initializer::target);
    }
}
