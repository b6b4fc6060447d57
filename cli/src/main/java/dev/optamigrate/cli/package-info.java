/**
 * The {@code opta-migrate} command line: picocli commands built by Guice, an error handler that turns
 * {@link dev.optamigrate.core.error.MigrateException}s into messages and exit codes, and the version.
 */
package dev.optamigrate.cli;
