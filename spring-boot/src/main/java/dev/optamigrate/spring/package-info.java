/**
 * Spring Boot auto-configuration: the application's start-up migration runs through the opta-migrate engine, with
 * its lock, journal, safety gate and lock guard, in place of Spring Boot's own Flyway or Liquibase initializer.
 * {@link dev.optamigrate.spring.OptaMigrateAutoConfiguration} is the entry; the settings come from
 * {@code opta-migrate.*}, {@code spring.flyway.*} or {@code spring.liquibase.*}, and {@code spring.datasource.*}.
 */
package dev.optamigrate.spring;
