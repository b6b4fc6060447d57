/**
 * {@code opta-migrate plan}: the safe sequence of migrations for a schema change that would otherwise lock a busy
 * table or break the release that still runs, each step assigned to the release it ships with.
 */
package dev.optamigrate.core.plan;
