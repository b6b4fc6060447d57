/**
 * The journal: opta-migrate's own audit table, {@code opta_migrate_journal}, with one row per run (tool,
 * strategy, release, from and to version, status, host, operator, start and end).
 */
package dev.optamigrate.core.journal;
