/**
 * {@code verify}'s shadow as a throw-away PostgreSQL container, through Testcontainers: the
 * {@link dev.optamigrate.core.spi.ContainerPostgresProvider} the CLI finds through ServiceLoader.
 */
package dev.optamigrate.shadow.docker;
