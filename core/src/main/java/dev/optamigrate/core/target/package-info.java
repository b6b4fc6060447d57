/**
 * The target database: {@link dev.optamigrate.core.target.Target}, built from a JDBC URL or from Opta's
 * linked-secret environment by {@link dev.optamigrate.core.target.TargetResolver}. Passwords are wrapped in
 * {@link dev.optamigrate.core.target.Password} so that they never print.
 */
package dev.optamigrate.core.target;
