/**
 * The startup strategy: the migration runs in the server's own process before it accepts traffic.
 * {@link dev.optamigrate.strategy.startup.StartupMigration} is the library entry for an application's
 * {@code main}; {@link dev.optamigrate.strategy.startup.ServerLauncher} starts a server command afterwards for
 * {@code opta-migrate startup -- <command>}.
 */
package dev.optamigrate.strategy.startup;
