/**
 * The Liquibase adapter (4.33, through {@code CommandScope}): status, pending SQL from Liquibase's statement
 * generators (what {@code update-sql} prints, without running it),
 * update with per-changeset events, validation, and rollback by count or tag. Stale
 * {@code DATABASECHANGELOGLOCK} rows are released, because only the holder of opta-migrate's lock runs it.
 */
package dev.optamigrate.tool.liquibase;
