/**
 * Errors: {@link dev.optamigrate.core.error.MigrateException} and the {@link dev.optamigrate.core.error.ErrorCode}s
 * that become process exit codes.
 */
package dev.optamigrate.core.error;
