/**
 * The test kit for an application's own {@code mvn test}: {@link dev.optamigrate.testkit.MigrationDatabase}, a
 * JUnit 5 extension that provides a real PostgreSQL (embedded, or a container of a chosen version), and
 * {@link dev.optamigrate.testkit.MigrationsUnderTest}, the assertions on a migration set.
 */
package dev.optamigrate.testkit;
