/**
 * The engine's facade: {@link dev.optamigrate.core.Migrator}, its fluent
 * {@link dev.optamigrate.core.MigratorConfiguration}, and the {@link dev.optamigrate.core.spi.MigrateResult} of a run.
 * Sub-packages hold the SPI, settings, target, connections, lock, journal, events, errors and tool adapters.
 */
package dev.optamigrate.core;
