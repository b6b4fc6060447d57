/**
 * The service provider interface: {@link dev.optamigrate.core.spi.MigrationToolProvider} for migration tools and
 * {@link dev.optamigrate.core.spi.ExecutionStrategyProvider} for execution strategies, both discovered with
 * {@link java.util.ServiceLoader} and always chosen by name.
 *
 * <p><b>Stability:</b> the interfaces in this package are the contract for third-party tools and strategies.
 * Until 1.0 they may still gain methods, always with a default, and records may gain components; nothing is
 * removed without a deprecation in a prior release.
 */
package dev.optamigrate.core.spi;
