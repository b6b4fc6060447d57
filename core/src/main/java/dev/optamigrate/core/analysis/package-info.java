/**
 * Lock and compatibility safety of migrations. {@link dev.optamigrate.core.analysis.StaticCheck} reads the SQL
 * of migrations, without a database, and reports {@link dev.optamigrate.core.analysis.Finding}s under stable
 * {@link dev.optamigrate.core.analysis.Rule} ids; {@code -- opta-migrate:allow <rule> <reason>} inside a
 * migration accepts one on purpose.
 */
package dev.optamigrate.core.analysis;
