/**
 * Production statistics, offline: {@link dev.optamigrate.core.stats.StatsSampler} reads a target's table and index
 * sizes, row estimates and write rates (read-only, no data values) into a {@link
 * dev.optamigrate.core.stats.StatsSnapshot} file, and {@link dev.optamigrate.core.stats.StatsGrading} grades
 * {@code check}'s lock and rewrite findings by the size and write traffic of the table each one touches.
 */
package dev.optamigrate.core.stats;
